import { loadConfig } from '../config.ts';
import { createAppContext, type AppContext } from '../context.ts';
import { createDb, type DbHandle } from '../db/create-db.ts';
import { migrateToLatest } from '../db/migrate.ts';

/** The app's context for a CLI command: same config and database, quieter logs, schema up to date. */
export async function openContext(
	env: Record<string, string | undefined>
): Promise<{ ctx: AppContext; handle: DbHandle }> {
	const config = loadConfig({ LOG_LEVEL: 'warn', ...env });
	const handle = createDb(config.database);
	await migrateToLatest(handle.db, handle.dialect);
	const ctx = await createAppContext(handle, config);
	return { ctx, handle };
}
