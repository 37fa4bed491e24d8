import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../../config.ts';
import { openSqlite } from '../../db/create-db.ts';
import { UsageError } from '../io.ts';
import type { Command } from './command.ts';
import { helpOption, parseCommandArgs } from './command.ts';
import { parseArgs } from 'node:util';
import { PG_DUMP_ADVICE } from './backup.ts';

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

export const restoreCommand: Command = {
	name: 'restore',
	help: `Usage: midpoint restore FILE

Checks FILE with SQLite's integrity check and refuses it when it fails or is not a Midpoint
database. Otherwise the current database is kept beside itself as
midpoint.db.before-restore-<time> and FILE takes its place. Stop the server first.`,
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
		if (config.database.kind === 'postgres') {
			io.stderr(PG_DUMP_ADVICE);
			return 1;
		}
		const file = path.resolve(positionals[0]!);
		const problem = restoreProblem(file);
		if (problem) {
			io.stderr(`${problem}\nNothing was changed.`);
			return 1;
		}
		const target = config.database.file;
		if (fs.existsSync(target)) {
			const current = openSqlite(target);
			const keep = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
			await current.backup(keep);
			current.pragma('wal_checkpoint(TRUNCATE)');
			current.close();
			io.stdout(`Kept the current database as ${keep}.`);
		}
		const source = new SQLite(file, { readonly: true });
		try {
			await source.backup(target);
		} finally {
			source.close();
		}
		io.stdout(`Restored ${file} into ${target}.`);
		return 0;
	}
};
