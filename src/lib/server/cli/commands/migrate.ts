import type { Command } from './command.ts';
import { helpOption, parseCommandArgs } from './command.ts';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { createDb } from '../../db/create-db.ts';
import { migrateToLatest } from '../../db/migrate.ts';

export const migrateCommand: Command = {
	name: 'migrate',
	help: `Usage: midpoint migrate

Applies every migration the database has not had yet. The server also does this when it
starts, so you only need it to prepare a database ahead of time.`,
	async run(args, io) {
		const { values } = parseCommandArgs(() =>
			parseArgs({ args, options: { help: helpOption }, allowPositionals: false, strict: true })
		);
		if (values.help) return (io.stdout(this.help), 0);
		const config = loadConfig(io.env);
		const handle = createDb(config.database);
		try {
			const result = await migrateToLatest(handle.db, handle.dialect);
			const applied = result.results?.filter((r) => r.status === 'Success') ?? [];
			io.stdout(
				applied.length
					? applied.map((r) => `applied ${r.migrationName}`).join('\n')
					: 'The database is up to date.'
			);
			return 0;
		} finally {
			await handle.close();
		}
	}
};
