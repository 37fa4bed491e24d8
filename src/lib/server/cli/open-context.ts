import { loadConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import { createDb, type DbHandle } from '../db/create-db.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createLogger } from '../logger.ts';
import { loadMasterKey } from '../crypto/master-key.ts';

/** The app's context for a CLI command: same config and database, quieter logs, schema up to date. */
export async function openContext(
	env: Record<string, string | undefined>
): Promise<{ ctx: AppContext; handle: DbHandle }> {
	const config = loadConfig({ LOG_LEVEL: 'warn', ...env });
	const handle = createDb(config.database);
	await migrateToLatest(handle.db, handle.dialect);
	const masterKey = await loadMasterKey(handle.db, config);
	const ctx: AppContext = {
		masterKey,
		db: handle.db,
		dialect: handle.dialect,
		config,
		now: () => new Date(),
		log: createLogger(config.logLevel)
	};
	return { ctx, handle };
}
