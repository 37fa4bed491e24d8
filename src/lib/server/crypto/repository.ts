import type { Db } from '../db/create-db.ts';

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

/** The person's data key as stored: wrapped by the master key. */
export async function findWrappedUserKey(
	db: Db,
	userId: string
): Promise<{ keyId: string; wrappedKey: string } | undefined> {
	const row = await db
		.selectFrom('user_keys')
		.selectAll()
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return row && { keyId: row.key_id, wrappedKey: row.wrapped_key };
}

/** Stores a wrapped data key unless the person has one already (the stored one then wins). */
export async function insertWrappedUserKey(
	db: Db,
	userId: string,
	key: { keyId: string; wrappedKey: string }
): Promise<void> {
	await db
		.insertInto('user_keys')
		.values({ user_id: userId, key_id: key.keyId, wrapped_key: key.wrappedKey })
		.onConflict((oc) => oc.column('user_id').doNothing())
		.execute();
}

/** Every wrapped data key, for a rotation. */
export async function listWrappedUserKeys(
	db: Db
): Promise<{ userId: string; wrappedKey: string }[]> {
	const rows = await db.selectFrom('user_keys').select(['user_id', 'wrapped_key']).execute();
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
		.updateTable('user_keys')
		.set({ wrapped_key: to })
		.where('user_id', '=', userId)
		.where('wrapped_key', '=', from)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
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
