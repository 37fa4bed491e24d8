import type { Selectable } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { JournalEntriesTable } from '../db/types.ts';

export type JournalRow = Selectable<JournalEntriesTable>;

export async function insertEntry(db: Db, row: JournalRow): Promise<void> {
	await db.insertInto('journal_entries').values(row).execute();
}

export async function findEntry(db: Db, id: string): Promise<JournalRow | undefined> {
	return db.selectFrom('journal_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listEntriesOf(db: Db, userId: string): Promise<JournalRow[]> {
	return db
		.selectFrom('journal_entries')
		.selectAll()
		.where('user_id', '=', userId)
		.orderBy('updated_at', 'desc')
		.execute();
}

/** Updates only when the stored revision is the one the writer started from. */
export async function updateEntry(
	db: Db,
	id: string,
	revision: number,
	changes: Pick<JournalRow, 'body' | 'domains' | 'disciplines' | 'updated_at'>
): Promise<boolean> {
	const result = await db
		.updateTable('journal_entries')
		.set({ ...changes, revision: revision + 1 })
		.where('id', '=', id)
		.where('revision', '=', revision)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function setEntryShared(db: Db, id: string, sharedAt: string | null): Promise<void> {
	await db
		.updateTable('journal_entries')
		.set({ shared_at: sharedAt })
		.where('id', '=', id)
		.execute();
}

export async function deleteEntry(db: Db, id: string): Promise<void> {
	await db.deleteFrom('journal_entries').where('id', '=', id).execute();
}

/** When the person last wrote in their journal, and last shared an entry. */
export async function summariseEntriesOf(
	db: Db,
	userId: string
): Promise<{ lastUpdatedAt: string | null; lastSharedAt: string | null }> {
	const row = await db
		.selectFrom('journal_entries')
		.select((eb) => [eb.fn.max('updated_at').as('last'), eb.fn.max('shared_at').as('shared')])
		.where('user_id', '=', userId)
		.executeTakeFirstOrThrow();
	return {
		lastUpdatedAt: (row.last as string | null) ?? null,
		lastSharedAt: (row.shared as string | null) ?? null
	};
}

/** The entries the person shares now, most recently shared first. Private ones are never read. */
export async function listSharedEntriesOf(db: Db, userId: string): Promise<JournalRow[]> {
	return db
		.selectFrom('journal_entries')
		.selectAll()
		.where('user_id', '=', userId)
		.where('shared_at', 'is not', null)
		.orderBy('shared_at', 'desc')
		.execute();
}

/** How many entries the person shares now. */
export async function countSharedEntries(db: Db, userId: string): Promise<number> {
	const row = await db
		.selectFrom('journal_entries')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('user_id', '=', userId)
		.where('shared_at', 'is not', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
