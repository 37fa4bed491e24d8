import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { readConfiguredKey } from '../../crypto/master-key.ts';
import {
	masterKeyUsage,
	RotationRefused,
	rotateMasterKey
} from '../../crypto/rotate-master-key.ts';
import { createDb } from '../../db/create-db.ts';
import { UsageError } from '../io.ts';
import type { Command } from './command.ts';
import { helpOption, parseCommandArgs } from './command.ts';

export const keysCommand: Command = {
	name: 'keys',
	help: `Usage: midpoint keys rotate | status

rotate   Re-wraps every person's data key under a new master key, while the app keeps running.
         Journal text, notes and replies are not decrypted: only the keys that lock them.
         1. Make a new key: openssl rand -base64 32
         2. Give every app process the new key as MIDPOINT_MASTER_KEY and the old one as
            MIDPOINT_OLD_MASTER_KEY (with a key file: the new key on line 1, the old on
            line 2), and restart them one at a time: they read both and write with the new.
         3. Run midpoint keys rotate with the same settings.
         4. When status shows nothing under the old key, drop MIDPOINT_OLD_MASTER_KEY
            (or line 2) and destroy the old key.
         A wrong old key is refused and nothing is changed.
status   How many wrapped keys each master key holds, and which one this process writes with.`,
	async run(args, io) {
		const { values, positionals } = parseCommandArgs(() =>
			parseArgs({ args, options: { help: helpOption }, allowPositionals: true, strict: true })
		);
		if (values.help) return (io.stdout(this.help), 0);
		const task = positionals[0];
		if (positionals.length !== 1 || (task !== 'rotate' && task !== 'status'))
			throw new UsageError(
				positionals.length === 0
					? 'Say what to do: midpoint keys rotate, or midpoint keys status'
					: `Unknown task "${positionals.join(' ')}": the tasks are rotate and status.`
			);
		const config = loadConfig({ LOG_LEVEL: 'warn', ...io.env });
		const master = readConfiguredKey(config, false);
		const handle = createDb(config.database);
		try {
			if (task === 'status') {
				const usage = await masterKeyUsage(handle.db);
				io.stdout(`Writing with master key ${master.id}.`);
				for (const [id, n] of usage) io.stdout(`  ${id}: ${n} wrapped value${n === 1 ? '' : 's'}`);
				return 0;
			}
			const result = await rotateMasterKey(handle.db, master);
			io.stdout(
				`Re-wrapped ${result.rewrapped} people's keys and re-sealed ${result.jobs} queued emails under master key ${master.id} ` +
					`(${result.alreadyCurrent} were already under it). Once every app process runs with the new key, ` +
					'drop the old one from MIDPOINT_OLD_MASTER_KEY (or the key file) and destroy it.'
			);
			return 0;
		} catch (err) {
			if (!(err instanceof RotationRefused)) throw err;
			io.stderr(err.message);
			return 1;
		} finally {
			await handle.close();
		}
	}
};
