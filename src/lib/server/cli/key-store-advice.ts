import type { Config } from '../config.ts';

/** Where this configuration keeps the people's wrapped data keys (decision 0041). */
export function keyStorePlace(config: Config): string {
	return config.database.kind === 'sqlite'
		? config.database.keyStoreFile
		: 'the midpoint_keys schema of the PostgreSQL database';
}

/** What every backup and restore tells the operator about the key store. */
export function keyStoreAdvice(config: Config): string {
	return (
		`No person's data key is in a backup: they are in the key store (${keyStorePlace(config)}), which ` +
		'midpoint backup and restore never copy or change. Keep the key store with the master key, apart from ' +
		'your backups. For disaster recovery copy it with midpoint keys backup FILE, and replace that copy rather ' +
		'than keeping old ones: an old copy still opens the accounts deleted since it was made.'
	);
}
