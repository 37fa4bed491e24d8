import fs from 'node:fs';
import { PgToolMissing, runPgTool } from './pg-tools.ts';

/** A file made private (0600) before anything is written into it. */
export function createPrivateFile(file: string): void {
	fs.closeSync(fs.openSync(file, 'w', 0o600));
	fs.chmodSync(file, 0o600);
}

/** pg_dump in custom format: one consistent snapshot, taken while the app keeps running. */
export function dumpPostgres(url: string, target: string): string | null {
	createPrivateFile(target);
	const { ok, output } = runPgTool('pg_dump', [
		'--format=custom',
		`--file=${target}`,
		`--dbname=${url}`
	]);
	if (ok) return (fs.chmodSync(target, 0o600), null);
	fs.rmSync(target, { force: true });
	return `pg_dump failed: ${output}`;
}

/** Why FILE cannot be restored on PostgreSQL, or null when it is a Midpoint custom-format dump. */
export function postgresRestoreProblem(file: string): string | null {
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
	if (!/TABLE \S+ users /.test(output) || !/TABLE \S+ kysely_migration /.test(output))
		return `${file} is a PostgreSQL backup, but not of a Midpoint database.`;
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
		`--dbname=${url}`,
		file
	]);
	return ok ? null : `pg_restore failed, and rolled back: ${output}`;
}

export { PgToolMissing };
