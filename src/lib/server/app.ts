import { createAppContext, type AppContext } from './context.ts';
import { loadConfig, type Config } from './config.ts';
import { createDb } from './db/create-db.ts';
import { migrateToLatest } from './db/migrate.ts';
import { startJobWorker } from './jobs/worker.ts';

export interface RunningApp {
	ctx: AppContext;
	stop(): Promise<void>;
}

/** Opens the database, brings its schema up to date and starts the job worker. */
export async function startApp(config: Config = loadConfig()): Promise<RunningApp> {
	const handle = createDb(config.database);
	await migrateToLatest(handle.db, handle.dialect);
	const ctx = await createAppContext(handle, config);
	const { log } = ctx;
	const pollMs = Number(process.env.MIDPOINT_JOBS_POLL_MS ?? 2000);
	const reminderScanMs = Number(process.env.MIDPOINT_REMINDER_SCAN_MS ?? 60_000);
	const stopWorker = config.jobsEnabled ? startJobWorker(ctx, pollMs, reminderScanMs) : () => {};
	if (config.isProduction && !config.smtpUrl) {
		log.warn('SMTP_URL is not set: email is kept in the dev_mailbox table and not sent to anyone.');
	}
	log.info({ database: handle.dialect, env: config.env }, 'Midpoint is ready');
	return {
		ctx,
		async stop() {
			stopWorker();
			await handle.close();
		}
	};
}
