import { latestAndNews } from '../../domain/latest-and-news.ts';
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

/** How many of a person's entries the journal lists before "Show all". */
export const JOURNAL_ENTRIES_SHOWN = 20;

/**
 * The journal's list: the latest entries, any older one with a reply the person has not read,
 * or all of them when asked. Only the entries listed are decrypted; `hidden` counts the rest.
 */
export async function listRecentJournalEntries(
	ctx: Pick<AppContext, 'db' | 'masterKey'>,
	input: { actor: Actor; all: boolean; hasNews: (entryId: string) => boolean }
): Promise<{ entries: JournalEntry[]; hidden: number }> {
	const rows = await listEntriesOf(ctx.db, input.actor.userId);
	const { shown, hidden } = latestAndNews(
		rows,
		JOURNAL_ENTRIES_SHOWN,
		(row) => input.hasNews(row.id),
		input.all
	);
	return { entries: await readEntries(ctx, input.actor.userId, shown), hidden };
}
