import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import type { ExportScope } from '../db/types.ts';
import { isUniqueViolation } from '../invitations/access.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { requireRecentAuth } from '../auth/reauthenticate.ts';
import type { SignedIn } from '../auth/sessions.ts';
import { recordSecurityEvent } from '../security-log/security-log.ts';
import { insertExport } from './repository.ts';

export const EXPORT_JOB = 'data-export';
export const ALREADY_EXPORTING =
	'An export is already being made. It will show here when it is ready: there is no need to ask again.';

/** Who may export what: a person everything of theirs, an admin their practice. */
export function refuseExport(actor: Actor, scope: ExportScope, practiceId: string | null): void {
	const allowed =
		scope === 'person'
			? can(actor, 'account.export', { ownerId: actor.userId })
			: can(actor, 'practice.export', { practiceId });
	if (!allowed) throw new DomainError('forbidden', 'Only an admin of this practice can export it.');
}

/**
 * Queues an export for the job worker. A second request while one is being made is refused by
 * the unique index (even when two arrive at the same moment), and nothing is queued twice.
 */
export async function requestExport(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey' | 'log'>,
	input: { actor: Actor; scope: ExportScope; practiceId?: string }
): Promise<string> {
	const practiceId = input.scope === 'practice' ? (input.practiceId ?? null) : null;
	refuseExport(input.actor, input.scope, practiceId);
	const id = randomUUID();
	try {
		await ctx.db.transaction().execute(async (trx) => {
			await insertExport(trx, {
				id,
				user_id: input.actor.userId,
				scope: input.scope,
				practice_id: practiceId,
				status: 'queued',
				progress: 0,
				step: 'Waiting to start',
				requested_at: ctx.now().toISOString(),
				finished_at: null,
				expires_at: null,
				downloaded_at: null,
				size_bytes: null,
				content: null
			});
			await enqueueJob({ ...ctx, db: trx }, EXPORT_JOB, { exportId: id });
		});
	} catch (err) {
		if (isUniqueViolation(err)) throw new DomainError('conflict', ALREADY_EXPORTING);
		throw err;
	}
	ctx.log.info({ exportId: id, scope: input.scope }, 'export requested');
	await recordSecurityEvent(ctx, {
		userId: input.actor.userId,
		...(practiceId
			? { kind: 'practice-export-asked', practiceId, actorId: input.actor.userId }
			: { kind: 'data-export-asked' })
	});
	return id;
}

/**
 * A person asks for everything of theirs, or an admin for their practice: a copy leaves the
 * server, so the session must have proved them within 10 minutes (decision 0031), as for any
 * sensitive change.
 */
export async function requestExportRecentlyConfirmed(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey' | 'log'>,
	input: { signedIn: SignedIn; scope: ExportScope; practiceId?: string }
): Promise<string> {
	requireRecentAuth(ctx, input.signedIn);
	const { scope, practiceId } = input;
	return requestExport(ctx, { actor: input.signedIn.actor, scope, practiceId });
}
