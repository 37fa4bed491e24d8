import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { openSqlite } from '../../db/create-db.ts';
import { UsageError, type CliIo } from '../io.ts';
import { keyStoreAdvice } from '../key-store-advice.ts';
import {
	createPrivateFile,
	dumpPostgres,
	postgresRestoreProblem,
	postgresTables,
	restorePostgres
} from '../postgres-backup.ts';
import type { Command } from './command.ts';
import { helpOption, parseCommandArgs } from './command.ts';

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/** Why FILE cannot be restored, or null when it is a sound Midpoint database. */
export function restoreProblem(file: string): string | null {
	if (!fs.existsSync(file)) return `${file} does not exist.`;
	let source: SQLite.Database | undefined;
	try {
		source = new SQLite(file, { readonly: true, fileMustExist: true });
		const rows = source.pragma('integrity_check') as { integrity_check: string }[];
		const verdict = rows.map((r) => r.integrity_check).join('; ');
		if (verdict !== 'ok') return `${file} failed SQLite's integrity check: ${verdict}`;
		const hasSchema = source
			.prepare(
				`select count(*) as n from sqlite_master where type = 'table' and name in ('users', 'kysely_migration')`
			)
			.get() as { n: number };
		if (hasSchema.n < 2) return `${file} is an SQLite database, but not a Midpoint backup.`;
		return null;
	} catch (err) {
		const reason = err instanceof Error ? err.message : String(err);
		return `${file} is not a readable SQLite database (${reason}).`;
	} finally {
		source?.close();
	}
}

async function restoreSqlite(target: string, file: string, io: CliIo): Promise<void> {
	if (fs.existsSync(target)) {
		const current = openSqlite(target);
		const keep = `${target}.before-restore-${stamp()}`;
		createPrivateFile(keep);
		await current.backup(keep);
		current.pragma('wal_checkpoint(TRUNCATE)');
		current.close();
		io.stdout(`Kept the current database as ${keep}.`);
	}
	// A new data folder (disaster recovery) is made private, as the app makes it (0041).
	fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
	const source = new SQLite(file, { readonly: true });
	try {
		await source.backup(target);
	} finally {
		source.close();
	}
	fs.chmodSync(target, 0o600);
}

export const restoreCommand: Command = {
	name: 'restore',
	help: `Usage: midpoint restore FILE

Checks FILE and refuses it, changing nothing, when it is not a sound Midpoint backup.
SQLite: FILE must pass SQLite's integrity check; the current database is kept beside itself
as midpoint.db.before-restore-<time> and FILE takes its place.
PostgreSQL: FILE must be a custom-format dump (midpoint backup); the current database is first
dumped to FILE.before-restore-<time>, then pg_restore replaces every table in one transaction.
The key store (the people's data keys) is never touched: a person deleted since the backup
was made stays unreadable. Stop the server first.`,
	async run(args, io) {
		const { values, positionals } = parseCommandArgs(() =>
			parseArgs({ args, options: { help: helpOption }, allowPositionals: true, strict: true })
		);
		if (values.help) return (io.stdout(this.help), 0);
		if (positionals.length !== 1)
			throw new UsageError(
				'Name the backup file to restore, e.g. midpoint restore backups/midpoint.db'
			);
		const config = loadConfig(io.env);
		const file = path.resolve(positionals[0]!);
		const database = config.database;
		const problem =
			database.kind === 'postgres'
				? postgresRestoreProblem(file, await postgresTables(database.url))
				: restoreProblem(file);
		if (problem) {
			io.stderr(`${problem}\nNothing was changed.`);
			return 1;
		}
		if (database.kind === 'sqlite') {
			await restoreSqlite(database.file, file, io);
			io.stdout(`Restored ${file} into ${database.file}.`);
			return (io.stdout(keyStoreAdvice(config)), 0);
		}
		const keep = `${file}.before-restore-${stamp()}`;
		const kept = dumpPostgres(database.url, keep);
		if (kept) return (io.stderr(`${kept}\nNothing was changed.`), 1);
		io.stdout(`Kept the current database as ${keep}.`);
		const failed = restorePostgres(database.url, file);
		if (failed) return (io.stderr(`${failed}\nNothing was changed.`), 1);
		io.stdout(`Restored ${file} into the PostgreSQL database.`);
		return (io.stdout(keyStoreAdvice(config)), 0);
	}
};
