import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config.ts';
import { openSqlite } from '../../db/create-db.ts';
import { UsageError } from '../io.ts';
import type { Command } from './command.ts';
import { helpOption, parseCommandArgs } from './command.ts';
import { parseArgs } from 'node:util';

export const PG_DUMP_ADVICE = `This Midpoint runs on PostgreSQL, whose own tools make consistent backups:
  pg_dump --format=custom --file=midpoint.dump "$DATABASE_URL"
and to restore into an empty database:
  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" midpoint.dump`;

export const backupCommand: Command = {
	name: 'backup',
	help: `Usage: midpoint backup FILE [--force]

Writes a consistent copy of the SQLite database to FILE using SQLite's online backup,
so the server can keep running. Refuses to overwrite FILE unless --force is given.
On PostgreSQL it explains how to use pg_dump instead.`,
	async run(args, io) {
		const { values, positionals } = parseCommandArgs(() =>
			parseArgs({
				args,
				options: { help: helpOption, force: { type: 'boolean' } },
				allowPositionals: true,
				strict: true
			})
		);
		if (values.help) return (io.stdout(this.help), 0);
		if (positionals.length !== 1)
			throw new UsageError(
				'Name one file to write the backup to, e.g. midpoint backup backups/midpoint-2026-11-27.db'
			);
		const config = loadConfig(io.env);
		if (config.database.kind === 'postgres') {
			io.stderr(PG_DUMP_ADVICE);
			return 1;
		}
		const target = path.resolve(positionals[0]!);
		if (fs.existsSync(target) && !values.force)
			throw new UsageError(`${target} already exists. Add --force to overwrite it.`);
		if (!fs.existsSync(config.database.file)) {
			io.stderr(`There is no database at ${config.database.file} yet: start Midpoint once first.`);
			return 1;
		}
		fs.mkdirSync(path.dirname(target), { recursive: true });
		const sqlite = openSqlite(config.database.file);
		try {
			await sqlite.backup(target);
		} finally {
			sqlite.close();
		}
		fs.chmodSync(target, 0o600);
		io.stdout(`Backed up ${config.database.file} to ${target}.`);
		if (!config.masterKey) {
			io.stdout(
				`Keep ${config.dataDir}/master.key with it: journal text in the backup can only be read with that key.`
			);
		}
		return 0;
	}
};
