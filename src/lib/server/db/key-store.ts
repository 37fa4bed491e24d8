import fs from 'node:fs';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { ConfigError, type Config } from '../config.ts';
import type { Dialect } from './create-db.ts';

/**
 * The key store (decision 0041): every person's data key, wrapped by the master key, kept out of
 * what `midpoint backup` copies, so that deleting a key leaves old backups unreadable. The same
 * name on both engines: an attached SQLite file, or a schema of its own on PostgreSQL.
 */
export const KEY_SCHEMA = 'midpoint_keys';

/** Where this configuration keeps the key store, in words for an operator. */
export function keyStorePlace(database: Config['database']): string {
	return database.kind === 'sqlite'
		? database.keyStoreFile
		: `the ${KEY_SCHEMA} schema of the PostgreSQL database`;
}

const TABLE = (dialect: Dialect) => `create table if not exists ${KEY_SCHEMA}.person_keys (
	user_id text primary key,
	key_id text not null,
	wrapped_key text not null,
	orphaned_at ${dialect === 'postgres' ? 'timestamptz' : 'text'}
)`;

/**
 * Attaches the key store file to an SQLite connection as `midpoint_keys`, making it (0600, its
 * folder 0700) and its table when new: a fresh data folder, or a test's copy of a template.
 * Deleted keys are overwritten in the file (secure_delete), not left in its free pages.
 */
export function attachKeyStore(sqlite: SQLite.Database, file: string): void {
	try {
		if (file !== ':memory:') {
			fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
			if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
		}
		sqlite.prepare(`attach database ? as ${KEY_SCHEMA}`).run(file);
	} catch (err) {
		throw new ConfigError(
			`Midpoint cannot start: the key store ${file} cannot be opened (${err instanceof Error ? err.message : String(err)}). ` +
				'Midpoint keeps it beside the master key file and writes to it; make that folder writable by Midpoint, ' +
				'or name another place with MIDPOINT_KEY_STORE_FILE.'
		);
	}
	sqlite.pragma(`${KEY_SCHEMA}.journal_mode = WAL`);
	sqlite.pragma(`${KEY_SCHEMA}.synchronous = FULL`);
	sqlite.pragma(`${KEY_SCHEMA}.secure_delete = on`);
	sqlite.exec(TABLE('sqlite'));
}

/**
 * Makes the key store where it is missing: on PostgreSQL a database restored from a backup (which
 * never holds it) into a new server, on SQLite nothing (attaching made it). Safe to run anywhere;
 * where the table exists it runs no DDL at all (a role without CREATE on the database can start).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function ensureKeyStore(db: Kysely<any>, dialect: Dialect): Promise<void> {
	if (dialect === 'sqlite') return createKeyStore(db, dialect);
	if (await postgresHas(db, `to_regclass('${KEY_SCHEMA}.person_keys') is not null`)) return;
	// Two processes starting together would race on "if not exists": one at a time, by a lock.
	await db.transaction().execute(async (trx) => {
		await sql`select pg_advisory_xact_lock(hashtext(${KEY_SCHEMA}))`.execute(trx);
		await createKeyStore(trx, dialect);
	});
}

/**
 * The schema and table, inside a transaction (or migration) the caller holds. On PostgreSQL the
 * schema is made only when missing: an operator whose role may not create schemas makes it
 * beforehand (`create schema midpoint_keys authorization <role>`), and this then only adds the table.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function createKeyStore(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const schemaMissing =
		dialect === 'postgres' &&
		!(await postgresHas(db, `exists (select 1 from pg_namespace where nspname = '${KEY_SCHEMA}')`));
	if (schemaMissing) await sql.raw(`create schema ${KEY_SCHEMA}`).execute(db);
	await sql.raw(TABLE(dialect)).execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function postgresHas(db: Kysely<any>, condition: string): Promise<boolean> {
	const { rows } = await sql.raw<{ yes: boolean }>(`select ${condition} as yes`).execute(db);
	return rows[0]?.yes === true;
}
