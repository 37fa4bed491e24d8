import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { readEntries, type JournalEntry } from './entry-access.ts';
import { listEntriesOf } from './repository.ts';

/** The signed-in person's own entries, newest first. */
export async function listJournalEntries(
	ctx: Pick<AppContext, 'db' | 'masterKey'>,
	input: { actor: Actor }
): Promise<JournalEntry[]> {
	return readEntries(ctx, input.actor.userId, await listEntriesOf(ctx.db, input.actor.userId));
}
