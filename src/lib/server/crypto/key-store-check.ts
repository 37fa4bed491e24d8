import { ConfigError, type Config } from '../config.ts';
import type { Db } from '../db/create-db.ts';
import { keyStorePlace } from '../db/key-store.ts';
import { listErasures } from '../account-deletion/erasure-ledger.ts';
import { countStoredKeys, ownersOfSealedText } from './repository.ts';

/**
 * Refuses to start on an empty key store beside a database that holds encrypted text of someone
 * not deleted (decision 0041): the store was lost, moved or not yet restored after a disaster. Starting anyway would
 * make each person a new data key on their first page, and the copy's keys, restored later,
 * could no longer take their place.
 */
export async function requireKeyStore(db: Db, config: Config): Promise<void> {
	if ((await countStoredKeys(db)) > 0) return;
	// Text of deleted accounts that a restored backup brought back is no reason: it is meant to
	// stay unreadable, and the erasure ledger deletes it at start.
	const erased = new Set(listErasures({ config }));
	const owners = await ownersOfSealedText(db, erased.size + 1);
	if ([...owners].every((id) => erased.has(id))) return;
	const place = keyStorePlace(config.database);
	throw new ConfigError(
		`Midpoint cannot start: the key store (${place}) holds no keys, but the database holds text encrypted ` +
			"with people's data keys. Put the key store back: midpoint keys restore FILE with your copy of it " +
			'(or point MIDPOINT_KEY_STORE_FILE at it). Starting without it would leave that text unreadable.'
	);
}
