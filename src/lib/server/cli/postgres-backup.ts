import fs from 'node:fs';
import { sql } from 'kysely';
import { createDb } from '../db/create-db.ts';
import { KEY_SCHEMA } from '../db/key-store.ts';
import { runPgTool } from './pg-tools.ts';

/** A file made private (0600) before anything is written into it. */
export function createPrivateFile(file: string): void {
	fs.closeSync(fs.openSync(file, 'w', 0o600));
	fs.chmodSync(file, 0o600);
}

/**
 * pg_dump in custom format: one consistent snapshot, taken while the app keeps running. Never the
 * key store's schema (decision 0041): a backup holds no person's data key.
 */
export function dumpPostgres(url: string, target: string): string | null {
	createPrivateFile(target);
	const { ok, output } = runPgTool('pg_dump', [
		'--format=custom',
		`--exclude-schema=${KEY_SCHEMA}`,
		`--file=${target}`,
		`--dbname=${url}`
	]);
	if (ok) return (fs.chmodSync(target, 0o600), null);
	fs.rmSync(target, { force: true });
	return `pg_dump failed: ${output}`;
}

/** The tables a custom-format dump creates, by name (from `pg_restore --list`). */
export function tablesOf(list: string): string[] {
	return [...list.matchAll(/^\d+; \d+ \d+ TABLE \S+ (\S+) /gm)].map((m) => m[1]!);
}

/**
 * Why FILE cannot be restored on PostgreSQL over a database holding `currentTables`, or null
 * when it is a Midpoint custom-format dump that replaces every one of them.
 */
export function postgresRestoreProblem(
	file: string,
	currentTables: readonly string[]
): string | null {
	if (!fs.existsSync(file)) return `${file} does not exist.`;
	const head = Buffer.alloc(5);
	const fd = fs.openSync(file, 'r');
	try {
		fs.readSync(fd, head, 0, 5, 0);
	} finally {
		fs.closeSync(fd);
	}
	if (head.toString('latin1') !== 'PGDMP')
		return `${file} is not a PostgreSQL backup in custom format (made by midpoint backup or pg_dump --format=custom).`;
	const { ok, output } = runPgTool('pg_restore', ['--list', file]);
	if (!ok) return `${file} is not a readable PostgreSQL backup (${output}).`;
	const tables = tablesOf(output);
	if (!tables.includes('users') || !tables.includes('kysely_migration'))
		return `${file} is a PostgreSQL backup, but not of a Midpoint database.`;
	// pg_restore --clean replaces the tables in the backup; any other table would stay as it is.
	const extra = currentTables.filter((t) => !tables.includes(t));
	if (extra.length > 0)
		return (
			`The database has tables this backup does not (${extra.join(', ')}): the backup was made by an older ` +
			'Midpoint. Restore it into a new, empty database (createdb, then midpoint restore with DATABASE_URL pointing there).'
		);
	return null;
}

/**
 * Replaces the database's tables with the backup's in one transaction (--single-transaction):
 * if anything fails, the database is as it was.
 */
export function restorePostgres(url: string, file: string): string | null {
	const { ok, output } = runPgTool('pg_restore', [
		'--clean',
		'--if-exists',
		'--no-owner',
		'--no-privileges',
		'--single-transaction',
		'--exit-on-error',
		// A dump made by hand may hold the key store: the live one is never replaced (0041).
		`--exclude-schema=${KEY_SCHEMA}`,
		`--dbname=${url}`,
		file
	]);
	return ok ? null : `pg_restore failed, and rolled back: ${output}`;
}

/** The tables in the database's public schema now. */
export async function postgresTables(url: string): Promise<string[]> {
	const handle = createDb({ kind: 'postgres', url });
	try {
		const { rows } = await sql<{
			name: string;
		}>`select tablename as name from pg_tables where schemaname = 'public'`.execute(handle.db);
		return rows.map((r) => r.name);
	} finally {
		await handle.close();
	}
}
