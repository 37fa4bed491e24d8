import type { Config } from '../config.ts';
import { keyStorePlace } from '../db/key-store.ts';

/**
 * What every backup and restore tells the operator about the key store: after a database backup
 * or restore, that the keys are not in it; after `keys backup`, how to keep the copy just made.
 */
export function keyStoreAdvice(
	config: Config,
	after: 'database' | 'key-store' = 'database'
): string {
	const keep =
		'Replace that copy rather than keep old ones: an old copy still opens the accounts deleted since it was made.';
	if (after === 'key-store')
		return `Keep this copy with the master key, apart from the database backups. ${keep}`;
	return (
		`No person's data key is in a backup: they are in the key store (${keyStorePlace(config.database)}), which ` +
		'midpoint backup and restore never copy or change. Keep it with the master key. For disaster recovery copy ' +
		`it with midpoint keys backup FILE. ${keep}`
	);
}
