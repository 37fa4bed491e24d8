import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { entryFor, readEntries, type JournalEntry } from './entry-access.ts';
import { deleteEntry, listEntriesOf, setEntryShared } from './repository.ts';

export async function getJournalEntry(
	ctx: Pick<AppContext, 'db' | 'masterKey'>,
	input: { actor: Actor; id: string }
): Promise<JournalEntry> {
	const row = await entryFor(ctx, input.actor, input.id, 'journal.read');
	const [entry] = await readEntries(ctx, row.user_id, [row]);
	return entry!;
}

export async function listJournalEntries(
	ctx: Pick<AppContext, 'db' | 'masterKey'>,
	input: { actor: Actor }
): Promise<JournalEntry[]> {
	return readEntries(ctx, input.actor.userId, await listEntriesOf(ctx.db, input.actor.userId));
}

/** Shares one entry with the person's coach, or takes it back. Nothing else is ever shared. */
export async function setJournalEntrySharing(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; id: string; shared: boolean }
): Promise<void> {
	const row = await entryFor(ctx, input.actor, input.id, 'journal.write');
	await setEntryShared(ctx.db, row.id, input.shared ? ctx.now().toISOString() : null);
}

export async function deleteJournalEntry(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor; id: string }
): Promise<void> {
	const row = await entryFor(ctx, input.actor, input.id, 'journal.write');
	await deleteEntry(ctx.db, row.id);
}
