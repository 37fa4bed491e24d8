import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { Database } from '../db/types.ts';

/** A value kept in app_meta under `name`, or undefined. */
export async function findAppMeta(db: Db, name: string): Promise<string | undefined> {
	const row = await db
		.selectFrom('app_meta')
		.select('value')
		.where('name', '=', name)
		.executeTakeFirst();
	return row?.value;
}

export async function insertAppMeta(db: Db, name: string, value: string): Promise<void> {
	await db.insertInto('app_meta').values({ name, value }).execute();
}

/** Each person's wrapped data key lives in the key store, apart from the backed-up data (0041). */
const KEYS = 'midpoint_keys.person_keys' as const;

/** The person's data key as stored: wrapped by the master key. */
export async function findWrappedUserKey(
	db: Db,
	userId: string
): Promise<{ keyId: string; wrappedKey: string } | undefined> {
	const row = await db
		.selectFrom(KEYS)
		.selectAll()
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return row && { keyId: row.key_id, wrappedKey: row.wrapped_key };
}

/**
 * Stores a wrapped data key unless the person has one already (the stored one then wins); true
 * when it was stored.
 */
export async function insertWrappedUserKey(
	db: Db,
	userId: string,
	key: { keyId: string; wrappedKey: string }
): Promise<boolean> {
	const result = await db
		.insertInto(KEYS)
		.values({ user_id: userId, key_id: key.keyId, wrapped_key: key.wrappedKey })
		.onConflict((oc) => oc.column('user_id').doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Every key in the store as it is, for a copy of the store (`midpoint keys backup`). */
export async function listStoredKeys(
	db: Db
): Promise<{ userId: string; keyId: string; wrappedKey: string }[]> {
	const rows = await db
		.selectFrom(KEYS)
		.select(['user_id', 'key_id', 'wrapped_key'])
		.orderBy('user_id')
		.execute();
	return rows.map((r) => ({ userId: r.user_id, keyId: r.key_id, wrappedKey: r.wrapped_key }));
}

/** Every wrapped data key, for a rotation. */
export async function listWrappedUserKeys(
	db: Db
): Promise<{ userId: string; wrappedKey: string }[]> {
	const rows = await db.selectFrom(KEYS).select(['user_id', 'wrapped_key']).execute();
	return rows.map((r) => ({ userId: r.user_id, wrappedKey: r.wrapped_key }));
}

/** Replaces a wrapped data key only if it is still the one read (another rotation may have run). */
export async function rewrapUserKey(
	db: Db,
	userId: string,
	from: string,
	to: string
): Promise<boolean> {
	const result = await db
		.updateTable(KEYS)
		.set({ wrapped_key: to })
		.where('user_id', '=', userId)
		.where('wrapped_key', '=', from)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/**
 * Destroys the person's data key: whatever was encrypted with it, here or in any backup, can no
 * longer be read (decision 0041). Its own step, committed before their rows go.
 */
export async function destroyUserKey(db: Db, userId: string): Promise<void> {
	await db.deleteFrom(KEYS).where('user_id', '=', userId).execute();
}

export async function countStoredKeys(db: Db): Promise<number> {
	const row = await db
		.selectFrom(KEYS)
		.select((eb) => eb.fn.countAll().as('n'))
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

/** Where encrypted text lives, and whose key it is under: table, owner column, text column. */
const SEALED_TEXT = [
	['journal_entries', 'user_id', 'body'],
	['replies', 'client_id', 'body'],
	['coach_notes', 'coach_id', 'body'],
	['actions', 'user_id', 'what']
] as const;

/**
 * Whose text is stored encrypted (`v1:` form) in journal entries, replies, coach notes and
 * actions: at most `limit` distinct owners from each (a start check needs no more).
 */
export async function ownersOfSealedText(db: Db, limit: number): Promise<Set<string>> {
	const owners = await Promise.all(
		SEALED_TEXT.map(([table, owner, text]) =>
			sql<{ owner: string }>`select distinct ${sql.ref(owner)} as owner from ${sql.table(table)}
				where ${sql.ref(text)} like 'v1:%' limit ${limit}`.execute(db)
		)
	);
	return new Set(owners.flatMap((r) => r.rows.map((row) => row.owner)));
}

/**
 * People with encrypted text and no key in the store, at most `limit` of them: one query that
 * looks, for each person without a key, in every table holding encrypted text by its owner.
 */
export async function ownersOfSealedTextWithoutKey(db: Db, limit: number): Promise<string[]> {
	const sealedBy = SEALED_TEXT.map(
		([table, owner, text]) => sql`exists (select 1 from ${sql.table(table)}
			where ${sql.ref(`${table}.${owner}`)} = users.id and ${sql.ref(`${table}.${text}`)} like 'v1:%')`
	);
	const { rows } = await sql<{ id: string }>`select users.id from users
		where not exists (select 1 from ${sql.table(KEYS)} k where k.user_id = users.id)
		and (${sql.join(sealedBy, sql` or `)})
		limit ${limit}`.execute(db);
	return rows.map((row) => row.id);
}

/** True when the key store holds a key for this person. */
export async function hasUserKey(db: Db, userId: string): Promise<boolean> {
	const row = await db
		.selectFrom(KEYS)
		.select('user_id')
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return row !== undefined;
}

/** The person a key in the store belongs to, as a subquery (the store is another file on SQLite). */
const personOf = (eb: ExpressionBuilder<Database, typeof KEYS>) =>
	eb
		.selectFrom('users')
		.select('users.id')
		.whereRef('users.id', '=', 'midpoint_keys.person_keys.user_id');

/**
 * The daily look at keys with no person (decision 0041): a key first found alone is marked, one
 * whose person is back (the newer database restored again) is unmarked. Returns how many marked.
 */
export async function markOrphanKeys(db: Db, now: string): Promise<number> {
	await db
		.updateTable(KEYS)
		.set({ orphaned_at: null })
		.where('orphaned_at', 'is not', null)
		.where((eb) => eb.exists(personOf(eb)))
		.execute();
	const marked = await db
		.updateTable(KEYS)
		.set({ orphaned_at: now })
		.where('orphaned_at', 'is', null)
		.where((eb) => eb.not(eb.exists(personOf(eb))))
		.executeTakeFirst();
	return Number(marked.numUpdatedRows);
}

/** Deletes keys that have had no person since before `before`. */
export async function deleteOrphanKeys(db: Db, before: string): Promise<number> {
	const result = await db.deleteFrom(KEYS).where('orphaned_at', '<', before).executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** Replaces an app_meta value only if it is still the one read. */
export async function replaceAppMeta(
	db: Db,
	name: string,
	from: string,
	to: string
): Promise<void> {
	await db
		.updateTable('app_meta')
		.set({ value: to })
		.where('name', '=', name)
		.where('value', '=', from)
		.execute();
}
