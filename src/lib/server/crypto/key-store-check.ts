import { ConfigError, type Config } from '../config.ts';
import type { Db } from '../db/create-db.ts';
import { keyStorePlace } from '../db/key-store.ts';
import { listErasures } from '../account-deletion/erasure-ledger.ts';
import { countStoredKeys, ownersOfSealedText, ownersOfSealedTextWithoutKey } from './repository.ts';
import type { Logger } from 'pino';

/**
 * Refuses to start while the key store lacks the key of someone whose text is encrypted and who
 * is not deleted (decision 0041): the store was lost, moved, not yet restored after a disaster,
 * or restored from a copy older than some accounts. Starting anyway would make each of them a
 * new data key on their first page, and the copy's keys, restored later, could no longer take
 * their place. An operator with no copy to put back says so with MIDPOINT_START_WITH_LOST_KEYS=on:
 * the start goes on, with a warning that names how many people's text stays unreadable.
 */
export async function requireKeyStore(db: Db, config: Config, log: Logger): Promise<void> {
	const problem = await keyStoreProblem(db, config);
	if (!problem) return;
	if (config.startWithLostKeys) {
		log.warn(
			`Starting without the keys: ${problem}. That text stays unreadable (MIDPOINT_START_WITH_LOST_KEYS=on).`
		);
		return;
	}
	throw new ConfigError(
		`Midpoint cannot start: ${problem}. Put the key store back: midpoint keys restore FILE with your ` +
			'copy of it (or point MIDPOINT_KEY_STORE_FILE at it). Starting without it would leave that text ' +
			'unreadable; with no copy to put back, start with MIDPOINT_START_WITH_LOST_KEYS=on to go on without it.'
	);
}

/**
 * What the key store lacks, in words, or null: no keys at all beside encrypted text, or no key
 * for some people whose text is encrypted. `midpoint keys status` says it too.
 */
export async function keyStoreProblem(db: Db, config: Config): Promise<string | null> {
	// Text of deleted accounts that a restored backup brought back is no reason: it is meant to
	// stay unreadable, and the erasure ledger deletes it at start.
	const erased = new Set(listErasures({ config }));
	const place = keyStorePlace(config.database);
	const LOOK = erased.size + 100;
	if ((await countStoredKeys(db)) === 0) {
		const owners = await ownersOfSealedText(db, LOOK);
		if ([...owners].every((id) => erased.has(id))) return null;
		return `the key store (${place}) holds no keys, but the database holds text encrypted with people's data keys`;
	}
	const lost = (await ownersOfSealedTextWithoutKey(db, LOOK)).filter((id) => !erased.has(id));
	if (lost.length === 0) return null;
	const people =
		lost.length === 1 ? '1 person' : `${lost.length >= 100 ? '100 or more' : lost.length} people`;
	return `the key store (${place}) has no key for ${people} whose text the database holds encrypted`;
}
