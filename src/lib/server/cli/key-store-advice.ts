import type { Config } from '../config.ts';
import { keyStorePlace } from '../db/key-store.ts';

/** What every backup and restore tells the operator about the key store. */
export function keyStoreAdvice(config: Config): string {
	return (
		`No person's data key is in a backup: they are in the key store (${keyStorePlace(config.database)}), which ` +
		'midpoint backup and restore never copy or change. Keep it with the master key. For disaster recovery copy ' +
		'it with midpoint keys backup FILE, and replace that copy rather than keep old ones: an old copy still opens ' +
		'the accounts deleted since it was made.'
	);
}
