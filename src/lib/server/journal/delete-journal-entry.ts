import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { entryFor } from './entry-access.ts';
import { deleteEntry } from './repository.ts';
import { refreshClientSummary } from '../roster/refresh-client-summary.ts';

export async function deleteJournalEntry(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; id: string }
): Promise<void> {
	const row = await entryFor(ctx, input.actor, input.id, 'journal.write');
	await deleteEntry(ctx.db, row.id);
	await refreshClientSummary(ctx, row.user_id);
}
