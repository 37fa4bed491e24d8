import type { ExportState } from '../../domain/export/export-state.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import type { ExportScope } from '../db/types.ts';
import { refuseExport } from './request-export.ts';
import { findLatestExport } from './repository.ts';

export type { ExportState };

export async function getExportState(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; scope: ExportScope; practiceId?: string }
): Promise<ExportState> {
	const practiceId = input.scope === 'practice' ? (input.practiceId ?? null) : null;
	refuseExport(input.actor, input.scope, practiceId);
	const row = await findLatestExport(ctx.db, input.actor.userId, input.scope, practiceId);
	if (!row) return { state: 'none' };
	if (row.status === 'queued' || row.status === 'running')
		return { state: 'working', progress: row.progress, step: row.step };
	if (row.status === 'failed') return { state: 'failed' };
	if (row.downloaded_at) return { state: 'used', downloadedAt: row.downloaded_at };
	if (row.expires_at! <= ctx.now().toISOString()) return { state: 'expired' };
	return { state: 'ready', id: row.id, sizeBytes: row.size_bytes ?? 0, expiresAt: row.expires_at! };
}
