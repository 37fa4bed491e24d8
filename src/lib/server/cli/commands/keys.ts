import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { listErasures } from '../../account-deletion/erasure-ledger.ts';
import { loadConfig, type Config } from '../../config.ts';
import { readConfiguredKey } from '../../crypto/master-key.ts';
import {
	masterKeyUsage,
	RotationRefused,
	rotateMasterKey
} from '../../crypto/rotate-master-key.ts';
import { createDb, type DbHandle } from '../../db/create-db.ts';
import { ensureKeyStore, keyStorePlace } from '../../db/key-store.ts';
import { UsageError, type CliIo } from '../io.ts';
import { keyStoreAdvice } from '../key-store-advice.ts';
import { keyStoreProblem } from '../../crypto/key-store-check.ts';
import { readKeyStoreCopy, restoreKeys, writeKeyStoreCopy } from '../key-store-copy.ts';
import type { Command } from './command.ts';
import { helpOption, parseCommandArgs } from './command.ts';

const TASKS = { rotate: 0, status: 0, backup: 1, restore: 1 } as const;
type Task = keyof typeof TASKS;

/** `keys backup FILE` and `keys restore FILE`: the key store's copy for disaster recovery (0041). */
async function copyTask(
	task: 'backup' | 'restore',
	file: string,
	force: boolean,
	config: Config,
	handle: DbHandle,
	io: CliIo
): Promise<number> {
	await ensureKeyStore(handle.db, handle.dialect);
	if (task === 'backup') {
		if (fs.existsSync(file) && !force)
			throw new UsageError(`${file} already exists. Add --force to overwrite it.`);
		fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
		const n = await writeKeyStoreCopy(handle.db, file);
		io.stdout(
			`Copied ${n} people's wrapped data keys from ${keyStorePlace(config.database)} to ${file}.`
		);
		return (io.stdout(keyStoreAdvice(config, 'key-store')), 0);
	}
	const read = readKeyStoreCopy(file);
	if ('problem' in read) return (io.stderr(`${read.problem}\nNothing was changed.`), 1);
	const { added, kept, leftOut } = await restoreKeys(
		handle.db,
		read.keys,
		new Set(listErasures({ config }))
	);
	const masters = [...new Set(read.keys.map((k) => k.wrappedKey.split(':')[1]))].join(', ');
	io.stdout(
		`Put ${added} people's keys from ${file} into ${keyStorePlace(config.database)}; ${kept} had a key there ` +
			`already, which was kept; ${leftOut} belonged to deleted accounts (DATA_DIR/erased-accounts) and were left out. ` +
			`The copy's keys are wrapped with master key ${masters}: Midpoint needs that key to read them.`
	);
	return 0;
}

export const keysCommand: Command = {
	name: 'keys',
	help: `Usage: midpoint keys rotate | status | backup FILE [--force] | restore FILE

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
status   How many wrapped keys each master key holds, and which one this process writes with.
backup   Copies the key store (every person's wrapped data key; midpoint backup holds none) to
         FILE, mode 0600. Keep it with the master key, apart from the backups, and replace it
         rather than keep old copies: an old copy still opens accounts deleted since.
restore  Puts the keys of a copy back into the key store, for a person who has none there
         (a key already there stays; a deleted account's, listed in DATA_DIR/erased-accounts,
         is left out). A file that is not a copy is refused and nothing is changed.`,
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
		const task = positionals[0] as Task | undefined;
		if (!task || !(task in TASKS) || positionals.length !== 1 + TASKS[task])
			throw new UsageError(
				positionals.length === 0
					? 'Say what to do: midpoint keys rotate, status, backup FILE or restore FILE'
					: task && task in TASKS
						? `midpoint keys ${task} ${TASKS[task] ? 'takes one FILE' : 'takes no more arguments'}.`
						: `Unknown task "${positionals.join(' ')}": the tasks are rotate, status, backup and restore.`
			);
		const config = loadConfig({ LOG_LEVEL: 'warn', ...io.env });
		const master =
			task === 'rotate' || task === 'status' ? readConfiguredKey(config, false) : undefined;
		const handle = createDb(config.database);
		try {
			if (task === 'backup' || task === 'restore')
				return await copyTask(
					task,
					path.resolve(positionals[1]!),
					values.force ?? false,
					config,
					handle,
					io
				);
			if (task === 'status') {
				// A database restored into a new PostgreSQL server comes without its key store (0041).
				await ensureKeyStore(handle.db, handle.dialect);
				const usage = await masterKeyUsage(handle.db);
				io.stdout(`Writing with master key ${master!.id}.`);
				for (const [id, n] of usage) io.stdout(`  ${id}: ${n} wrapped value${n === 1 ? '' : 's'}`);
				const missing = await keyStoreProblem(handle.db, config);
				if (missing)
					io.stdout(
						`Missing: ${missing}. Put them back with midpoint keys restore FILE from your copy of the key store.`
					);
				return 0;
			}
			const result = await rotateMasterKey(handle.db, master!);
			io.stdout(
				`Re-wrapped ${result.rewrapped} people's keys and re-sealed ${result.jobs} queued emails under master key ${master!.id} ` +
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
