import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';
import { createKeyStore, KEY_SCHEMA } from '../key-store.ts';

/**
 * Moves every wrapped data key out of the database into the key store (decision 0041), so that
 * `midpoint backup` no longer copies them. The wrapped values are copied as they are: no master
 * key is needed. On SQLite the store is the file createDb attached; the copy commits before the
 * old table goes, so a crash in between only means running this again (it skips keys already
 * moved). On SQLite the old rows are overwritten in the file (secure_delete) as they go.
 * Kysely<any> on purpose.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	await createKeyStore(db, dialect);
	await sql
		.raw(
			`insert into ${KEY_SCHEMA}.person_keys (user_id, key_id, wrapped_key)
			 select user_id, key_id, wrapped_key from user_keys where true
			 on conflict (user_id) do nothing`
		)
		.execute(db);
	if (dialect === 'sqlite') await sql`pragma main.secure_delete = on`.execute(db);
	await db.deleteFrom('user_keys').execute();
	await db.schema.dropTable('user_keys').execute();
}
