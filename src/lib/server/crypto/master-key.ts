import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { ConfigError } from '../config.ts';
import type { Db } from '../db/create-db.ts';
import { open, seal } from './aead.ts';
import { findAppMeta, insertAppMeta } from './repository.ts';

export interface MasterKey {
	id: string;
	key: Buffer;
}

const CHECK_NAME = 'master_key_check';
const CHECK_TEXT = 'midpoint master key check';

export function masterKeyFrom(key: Buffer): MasterKey {
	if (key.length !== 32)
		throw new ConfigError('The master key must be 32 bytes (base64 of 32 random bytes).');
	return { id: createHash('sha256').update(key).digest('hex').slice(0, 8), key };
}

function readConfiguredKey(config: Config, fresh: boolean): MasterKey {
	if (config.masterKey) return masterKeyFrom(Buffer.from(config.masterKey, 'base64'));
	if (config.database.kind === 'postgres') {
		throw new ConfigError(
			'Midpoint cannot start: set MIDPOINT_MASTER_KEY (base64 of 32 random bytes, e.g. `openssl rand -base64 32`). ' +
				'On PostgreSQL every app process must share the same key, so it cannot be a local file.'
		);
	}
	const file = path.join(config.dataDir, 'master.key');
	if (fs.existsSync(file))
		return masterKeyFrom(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'));
	if (!fresh) {
		throw new ConfigError(
			`Midpoint cannot start: the master key file ${file} is missing, and the database holds text encrypted ` +
				'with it. Restore the file (or set MIDPOINT_MASTER_KEY). Midpoint will not start without it.'
		);
	}
	fs.mkdirSync(config.dataDir, { recursive: true });
	const key = randomBytes(32);
	fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
	return masterKeyFrom(key);
}

/**
 * The key that wraps every person's data key. A check value stored in the database proves at
 * start that the key is the right one: with a missing or wrong key the app refuses to start,
 * rather than failing to read journals or, worse, writing text it could never read again.
 */
export async function loadMasterKey(db: Db, config: Config): Promise<MasterKey> {
	const check = await findAppMeta(db, CHECK_NAME);
	const master = readConfiguredKey(config, !check);
	if (!check) {
		const sealed = seal(master.key, Buffer.from(CHECK_TEXT), CHECK_NAME);
		const value = `v1:${master.id}:${sealed.iv}:${sealed.ciphertext}:${sealed.tag}`;
		await insertAppMeta(db, CHECK_NAME, value);
		return master;
	}
	const [, , iv, ciphertext, tag] = check.split(':');
	try {
		if (
			open(master.key, { iv: iv!, ciphertext: ciphertext!, tag: tag! }, CHECK_NAME).toString() ===
			CHECK_TEXT
		)
			return master;
	} catch {
		// falls through to the refusal below
	}
	throw new ConfigError(
		'Midpoint cannot start: the master key does not match this database (MIDPOINT_MASTER_KEY or data/master.key). ' +
			'Use the key this database was created with.'
	);
}
