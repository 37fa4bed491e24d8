import { createHash } from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';

// Bookkeeping that a page view may change on its own (who is signed in, attempt counters) and
// marks written when a page is read: not what a form writes, so not part of "what changed".
const BOOKKEEPING_TABLES = /^(sessions|auth_attempts|app_meta|kysely_migration.*)$/;
const READ_MARKS = /(^|_)(read|seen|visited|visit|last_used|last_seen|shown)(_at)?$/;

export interface Snapshots {
	/** A digest of every table's rows: equal digests, nothing written. */
	take(): Promise<string>;
	/** Ends the second connection. */
	close(): Promise<void>;
}

const digest = (tables: [string, unknown[]][]) => {
	const hash = createHash('sha256');
	for (const [name, rows] of tables) {
		hash.update(name);
		for (const row of rows) {
			const kept = Object.entries(row as Record<string, unknown>).filter(
				([k]) => !READ_MARKS.test(k)
			);
			hash.update(JSON.stringify(kept));
		}
	}
	return hash.digest('hex');
};

/** Reads the app's database from outside, as a second connection. */
export async function snapshots(target: {
	sqliteFile?: string;
	postgresUrl?: string;
}): Promise<Snapshots> {
	if (target.sqliteFile) {
		const db = new SQLite(target.sqliteFile, { readonly: true });
		const tables = (
			db.prepare("select name from sqlite_master where type = 'table' order by name").all() as {
				name: string;
			}[]
		)
			.map((t) => t.name)
			.filter((n) => !BOOKKEEPING_TABLES.test(n) && !n.startsWith('sqlite_'));
		return {
			take: async () =>
				digest(tables.map((t) => [t, db.prepare(`select * from "${t}" order by rowid`).all()])),
			close: async () => void db.close()
		};
	}
	const client = new pg.Client({ connectionString: target.postgresUrl });
	await client.connect();
	const { rows } = await client.query<{ name: string }>(
		"select table_name as name from information_schema.tables where table_schema = 'public' order by 1"
	);
	const tables = rows.map((r) => r.name).filter((n) => !BOOKKEEPING_TABLES.test(n));
	return {
		take: async () => {
			const all: [string, unknown[]][] = [];
			for (const t of tables)
				all.push([t, (await client.query(`select * from "${t}" t order by t::text`)).rows]);
			return digest(all);
		},
		close: () => client.end()
	};
}
