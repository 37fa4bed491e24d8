import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { entryFor, readEntries, type JournalEntry } from './entry-access.ts';

export async function getJournalEntry(
	ctx: Pick<AppContext, 'db' | 'masterKey'>,
	input: { actor: Actor; id: string }
): Promise<JournalEntry> {
	const row = await entryFor(ctx, input.actor, input.id, 'journal.read');
	const [entry] = await readEntries(ctx, row.user_id, [row]);
	return entry!;
}
