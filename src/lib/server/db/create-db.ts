import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
	CompiledQuery,
	Kysely,
	PostgresDialect,
	SqliteDialect,
	SqliteDriver,
	type DatabaseConnection,
	type Driver,
	type SqliteDialectConfig
} from 'kysely';
import type pg from 'pg';
import type { Config } from '../config.ts';
import { attachKeyStore } from './key-store.ts';
import type { Database } from './types.ts';

export type Dialect = 'sqlite' | 'postgres';

// Sessions run in UTC (see createDb), so PostgreSQL writes timestamptz as '2026-11-27 09:30:20.123456+00'.
const UTC_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/;

/**
 * timestamptz text to the app's ISO form ('2026-11-27T09:30:20.123Z'), by rearranging the text
 * when it is in UTC (a roster of 5,000 rows carries 30,000 of them; parsing each as a Date was
 * the largest part of its time), and through Date otherwise.
 */
export function timestamptzToIso(value: string): string {
	const m = UTC_TIMESTAMP.exec(value);
	if (!m) return new Date(value).toISOString();
	const ms = (m[3] ?? '').slice(0, 3).padEnd(3, '0');
	return `${m[1]}T${m[2]}.${ms}Z`;
}
export type Db = Kysely<Database>;

export interface DbHandle {
	db: Db;
	dialect: Dialect;
	/** The SQLite connection, for online backups; undefined on PostgreSQL. */
	sqlite?: SQLite.Database;
	close(): Promise<void>;
}

let pgDriver: typeof pg | undefined;

/** The PostgreSQL driver, loaded when a PostgreSQL database is opened: on SQLite it never is. */
function loadPg(): typeof pg {
	if (pgDriver) return pgDriver;
	pgDriver = createRequire(import.meta.url)('pg') as typeof pg;
	// PostgreSQL returns int8 as strings and timestamptz as Date; the app speaks numbers and
	// ISO strings on both engines, converted here and nowhere else.
	pgDriver.types.setTypeParser(20, (v) => Number(v));
	pgDriver.types.setTypeParser(1184, timestamptzToIso);
	pgDriver.types.setTypeParser(1114, (v) => new Date(v + 'Z').toISOString());
	return pgDriver;
}

export function openSqlite(file: string): SQLite.Database {
	if (file !== ':memory:') {
		fs.mkdirSync(path.dirname(file), { recursive: true });
		// Private from the first byte; SQLite gives its -wal and -shm files the same mode (0037).
		if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
	}
	const sqlite = new SQLite(file);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	return sqlite;
}

/**
 * SQLite transactions begin IMMEDIATE: they take the write lock up front, so a second process
 * writing at the same moment (the server's job worker beside `midpoint demo`, or two servers)
 * makes this one wait its busy_timeout. A deferred transaction that reads and then writes would
 * instead fail at once with SQLITE_BUSY when another process wrote in between.
 */
class ImmediateSqliteDriver extends SqliteDriver {
	async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin immediate'));
	}
}

class ImmediateSqliteDialect extends SqliteDialect {
	readonly #config: SqliteDialectConfig;
	constructor(config: SqliteDialectConfig) {
		super(config);
		this.#config = config;
	}
	createDriver(): Driver {
		return new ImmediateSqliteDriver(this.#config);
	}
}

/**
 * better-sqlite3 statements are reusable, but Kysely prepares each query afresh; preparing was a
 * measurable share of a page's time. The app's queries are a fixed set of shapes, so keep them.
 */
function withStatementCache(sqlite: SQLite.Database) {
	const cache = new Map<string, SQLite.Statement>();
	return {
		close: () => sqlite.close(),
		prepare(sql: string) {
			let statement = cache.get(sql);
			if (!statement) {
				if (cache.size >= 2000) cache.clear(); // a safety valve, never reached by the app's own queries
				statement = sqlite.prepare(sql);
				cache.set(sql, statement);
			}
			return statement;
		}
	};
}

export function createDb(database: Config['database']): DbHandle {
	if (database.kind === 'sqlite') {
		const sqlite = openSqlite(database.file);
		// Every connection sees the key store as the schema midpoint_keys (decision 0041).
		try {
			attachKeyStore(sqlite, database.keyStoreFile);
		} catch (err) {
			sqlite.close();
			throw err;
		}
		const db = new Kysely<Database>({
			dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) })
		});
		return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
	}
	// UTC sessions: timestamps come back in one form, cheap to convert (timestamptzToIso).
	const pool = new (loadPg().Pool)({
		connectionString: database.url,
		max: 10,
		options: '-c TimeZone=UTC'
	});
	// Without these a database restart would crash the process instead of failing one request.
	// One JSON line, like every other log line (the pool has no logger of its own).
	const logError = (msg: string) => (err: Error) =>
		console.error(JSON.stringify({ level: 50, time: Date.now(), msg, err: err.message }));
	pool.on('error', logError('PostgreSQL pool error'));
	pool.on('connect', (client) => client.on('error', logError('PostgreSQL client error')));
	const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
	return { db, dialect: 'postgres', close: () => db.destroy() };
}
