import { createHash } from 'node:crypto';
import type { Config } from '../config.ts';
import { ConfigError } from '../config.ts';
import type { Db } from '../db/create-db.ts';
import { open, seal } from './aead.ts';
import { readKeyFile } from './key-file.ts';
import { findAppMeta, insertAppMeta } from './repository.ts';

/**
 * The key that wraps every person's data key, and the keys it replaced that may still be read
 * during a rotation (decision 0037). Writes always use `key`; reads pick by the id stored with
 * each wrapped value.
 */
export interface MasterKey {
	id: string;
	key: Buffer;
	/** The previous master key(s), held only between the switch and `midpoint keys rotate`. */
	previous?: readonly { id: string; key: Buffer }[];
}

export const CHECK_NAME = 'master_key_check';
const CHECK_TEXT = 'midpoint master key check';

export function masterKeyFrom(key: Buffer, previous: readonly Buffer[] = []): MasterKey {
	if (key.length !== 32)
		throw new ConfigError('The master key must be 32 bytes (base64 of 32 random bytes).');
	const idOf = (k: Buffer) => createHash('sha256').update(k).digest('hex').slice(0, 8);
	const master: MasterKey = { id: idOf(key), key };
	const older = previous.filter((k) => idOf(k) !== master.id).map((k) => ({ id: idOf(k), key: k }));
	return older.length > 0 ? { ...master, previous: older } : master;
}

/** The master key with this id, current or previous; undefined when this process does not hold it. */
export function masterKeyById(master: MasterKey, id: string): Buffer | undefined {
	if (id === master.id) return master.key;
	return master.previous?.find((p) => p.id === id)?.key;
}

/** Wraps a secret under the current master key as `v1:masterId:iv:ciphertext:tag`. */
export function wrapWithMaster(master: MasterKey, secret: Buffer, aad: string): string {
	const sealed = seal(master.key, secret, aad);
	return `v1:${master.id}:${sealed.iv}:${sealed.ciphertext}:${sealed.tag}`;
}

/** Opens what `wrapWithMaster` made under any master key this process holds; throws otherwise. */
export function unwrapWithMaster(master: MasterKey, wrapped: string, aad: string): Buffer {
	const [, id, iv, ciphertext, tag] = wrapped.split(':');
	const key = masterKeyById(master, id ?? '');
	if (!key)
		throw new Error(
			`This value is wrapped with master key ${id}, which this process does not hold ` +
				`(it holds ${[master.id, ...(master.previous ?? []).map((p) => p.id)].join(', ')}).`
		);
	return open(key, { iv: iv!, ciphertext: ciphertext!, tag: tag! }, aad);
}

/** The configured keys, unchecked: `fresh` lets a new SQLite database make its key file. */
export function readConfiguredKey(config: Config, fresh: boolean): MasterKey {
	const previous = config.previousMasterKey
		? [Buffer.from(config.previousMasterKey, 'base64')]
		: [];
	if (config.masterKey) return masterKeyFrom(Buffer.from(config.masterKey, 'base64'), previous);
	if (config.database.kind === 'postgres' && !config.masterKeyFileSet) {
		throw new ConfigError(
			'Midpoint cannot start: set MIDPOINT_MASTER_KEY (base64 of 32 random bytes, e.g. `openssl rand -base64 32`) ' +
				'or MIDPOINT_MASTER_KEY_FILE. On PostgreSQL every app process must share the same key, so it is never made here.'
		);
	}
	const keys = readKeyFile(config.masterKeyFile, fresh && config.database.kind === 'sqlite');
	return masterKeyFrom(keys[0]!, [...keys.slice(1), ...previous]);
}

/**
 * Loads the master key and proves it against the check value stored in the database: with a
 * missing or wrong key the app refuses to start, rather than failing to read journals or, worse,
 * writing text it could never read again. During a rotation the check may still be wrapped by
 * the previous key, which must then be held too.
 */
export async function loadMasterKey(db: Db, config: Config): Promise<MasterKey> {
	const check = await findAppMeta(db, CHECK_NAME);
	const master = readConfiguredKey(config, !check);
	if (!check) {
		await insertAppMeta(
			db,
			CHECK_NAME,
			wrapWithMaster(master, Buffer.from(CHECK_TEXT), CHECK_NAME)
		);
		return master;
	}
	if (checkOpens(master, check)) return master;
	const checkId = check.split(':')[1];
	throw new ConfigError(
		`Midpoint cannot start: the master key does not match this database, whose keys are wrapped with master key ${checkId} ` +
			`(this process holds ${[master.id, ...(master.previous ?? []).map((p) => p.id)].join(', ')}; ` +
			'MIDPOINT_MASTER_KEY, MIDPOINT_MASTER_KEY_FILE or data/master.key). Use the key this database was created with; ' +
			'during a rotation give the old one as MIDPOINT_OLD_MASTER_KEY.'
	);
}

/** True when the stored check value opens with a key this process holds. */
export function checkOpens(master: MasterKey, check: string): boolean {
	try {
		return unwrapWithMaster(master, check, CHECK_NAME).toString() === CHECK_TEXT;
	} catch {
		return false;
	}
}

export const checkValueFor = (master: MasterKey) =>
	wrapWithMaster(master, Buffer.from(CHECK_TEXT), CHECK_NAME);
