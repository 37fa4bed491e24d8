import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { entryFor } from './entry-access.ts';
import { setEntryShared } from './repository.ts';
import { requireCoachToShareWith } from '../practices/sharing-with-coach.ts';
import { refreshClientSummary } from '../roster/refresh-client-summary.ts';

/** Shares one entry with the person's coach, or takes it back. Nothing else is ever shared. */
export async function setJournalEntrySharing(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; id: string; shared: boolean }
): Promise<void> {
	const row = await entryFor(ctx, input.actor, input.id, 'journal.write');
	if (input.shared) await requireCoachToShareWith(ctx, row.user_id);
	await setEntryShared(ctx.db, row.id, input.shared ? ctx.now().toISOString() : null);
	await refreshClientSummary(ctx, row.user_id);
}
