import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db, DbHandle, Dialect } from './db/create-db.ts';
import { loadMasterKey, type MasterKey } from './crypto/master-key.ts';
import { requireKeyStore } from './crypto/key-store-check.ts';
import { createLogger } from './logger.ts';
import { sealPendingFields } from './at-rest/seal-pending-fields.ts';

/** What every use-case needs from the outside world, passed in rather than imported. */
export interface AppContext {
	db: Db;
	dialect: Dialect;
	config: Config;
	now: () => Date;
	log: Logger;
	/** Wraps each person's data key; journal text and coach notes are encrypted with those. */
	masterKey: MasterKey;
}

/**
 * The one way to build the app's context: the server, the CLI and the tests all come through
 * here, so a new member of AppContext is added once. The database must already be migrated (the
 * master key's check value lives in it). Tests pass their own clock; logs follow the config.
 */
export async function createAppContext(
	handle: DbHandle,
	config: Config,
	options: { now?: () => Date; log?: Logger } = {}
): Promise<AppContext> {
	const log = options.log ?? createLogger(config.logLevel);
	const masterKey = await loadMasterKey(handle.db, config);
	// A lost key store stops the start before any page could make people new keys (0041).
	await requireKeyStore(handle.db, config, log);
	// Rows older than a field's encryption are sealed here, where the key is at hand (decision 0037).
	await sealPendingFields(handle.db, masterKey);
	return {
		db: handle.db,
		dialect: handle.dialect,
		config,
		now: options.now ?? (() => new Date()),
		log,
		masterKey
	};
}

export function nowIso(ctx: Pick<AppContext, 'now'>): string {
	return ctx.now().toISOString();
}
