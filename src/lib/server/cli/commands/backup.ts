import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../../config.ts';
import { openSqlite } from '../../db/create-db.ts';
import { UsageError, type CliIo } from '../io.ts';
import { keyStoreAdvice } from '../key-store-advice.ts';
import { createPrivateFile, dumpPostgres } from '../postgres-backup.ts';
import type { Command } from './command.ts';
import { helpOption, parseCommandArgs } from './command.ts';

/** Tells the operator where the key is and that it must never travel with the backup. */
function keyAdvice(config: Config, target: string, io: CliIo): void {
	const where = config.masterKey ? 'MIDPOINT_MASTER_KEY' : config.masterKeyFile;
	io.stdout(
		`Keep the master key (${where}) apart from your backups, never beside them, and keep it safe: without it ` +
			"and the key store, the backup's journal text, notes and replies cannot be read at all."
	);
	io.stdout(keyStoreAdvice(config));
	if (!config.masterKey && path.dirname(config.masterKeyFile) === path.dirname(target))
		io.stderr(
			`Warning: ${target} is in the same folder as the key file ${config.masterKeyFile}. Move the backup elsewhere.`
		);
	// The key store moved by MIDPOINT_KEY_STORE_FILE is key material too (decision 0041).
	const store = config.database.kind === 'sqlite' ? config.database.keyStoreFile : undefined;
	if (
		store &&
		path.dirname(store) === path.dirname(target) &&
		(config.masterKey || path.dirname(store) !== path.dirname(config.masterKeyFile))
	)
		io.stderr(
			`Warning: ${target} is in the same folder as the key store ${store}. Move the backup elsewhere.`
		);
}

export const backupCommand: Command = {
	name: 'backup',
	help: `Usage: midpoint backup FILE [--force]

Writes a consistent copy of the database to FILE (mode 0600) while the server keeps running:
SQLite's online backup, or on PostgreSQL pg_dump in custom format (found in
/usr/lib/postgresql/*/bin or PATH). Refuses to overwrite FILE unless --force is given.
The copy holds no person's data key: those stay in the key store (midpoint keys backup).
Keep the master key and the key store apart from the backups: never side by side.`,
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
		const target = path.resolve(positionals[0]!);
		if (fs.existsSync(target) && !values.force)
			throw new UsageError(`${target} already exists. Add --force to overwrite it.`);
		fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
		if (config.database.kind === 'postgres') {
			const problem = dumpPostgres(config.database.url, target);
			if (problem) return (io.stderr(problem), 1);
			io.stdout(`Backed up the PostgreSQL database to ${target} (pg_dump, custom format).`);
			return (keyAdvice(config, target, io), 0);
		}
		if (!fs.existsSync(config.database.file)) {
			io.stderr(`There is no database at ${config.database.file} yet: start Midpoint once first.`);
			return 1;
		}
		createPrivateFile(target);
		const sqlite = openSqlite(config.database.file);
		try {
			await sqlite.backup(target);
		} finally {
			sqlite.close();
		}
		fs.chmodSync(target, 0o600);
		io.stdout(`Backed up ${config.database.file} to ${target}.`);
		return (keyAdvice(config, target, io), 0);
	}
};
