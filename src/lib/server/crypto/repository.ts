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
