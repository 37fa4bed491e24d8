import { sql } from 'kysely';
import type { DbHandle } from '../../src/lib/server/db/create-db.ts';

/**
 * Every row of every table, each table's rows in a fixed order: two states compare equal only
 * when the databases hold exactly the same data.
 */
export async function databaseState(handle: DbHandle): Promise<Record<string, string[]>> {
	const names =
		handle.dialect === 'sqlite'
			? await sql<{
					name: string;
				}>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
					handle.db
				)
			: await sql<{
					name: string;
				}>`select tablename as name from pg_tables where schemaname = 'public'`.execute(handle.db);
	const state: Record<string, string[]> = {};
	for (const { name } of names.rows) {
		const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(
			handle.db
		);
		state[name] = rows.rows.map((r) => JSON.stringify(r)).sort();
	}
	return state;
}
