import { reapplyErasures } from './account-deletion/erasure-ledger.ts';
import { createAppContext, type AppContext } from './context.ts';
import { loadConfig, type Config } from './config.ts';
import { isLocalOrigin } from './dev-tools.ts';
import { createDb } from './db/create-db.ts';
import { flushDeferredMarks } from './deferred/deferred-marks.ts';
import { migrateToLatest } from './db/migrate.ts';
import { startJobWorker } from './jobs/worker.ts';

export interface RunningApp {
	ctx: AppContext;
	stop(): Promise<void>;
}

/** What an operator must know at start about where email goes and who can see the dev tools. */
export function startWarnings(config: Config): string[] {
	const lines: string[] = [];
	const { demoSetting, localOrigin, localHost, host } = config.reach;
	if (config.emailDelivery === 'discard') {
		// Say which setting turned the dev mailbox off, so the operator knows what to change.
		const why =
			demoSetting === 'off'
				? 'MIDPOINT_DEMO is off'
				: !localOrigin
					? 'ORIGIN is not a local address'
					: config.isProduction
						? 'NODE_ENV is production (which turns the dev mailbox off even on this computer; MIDPOINT_DEMO=on turns it back on)'
						: `HOST ${host} lets other computers connect (which turns the dev mailbox off; MIDPOINT_DEMO=on turns it back on)`;
		lines.push(
			`SMTP_URL is not set and ${why}: email (sign-up confirmations, password resets, invitations, reminders) is NOT sent and NOT kept. Set SMTP_URL.`
		);
	}
	if (config.emailDelivery === 'dev-mailbox')
		lines.push(
			`SMTP_URL is not set: email is kept in the dev mailbox at ${config.publicUrl ?? ''}/dev/mailbox and sent to no one.`
		);
	if (config.demoEnabled && localOrigin && localHost)
		lines.push(
			`The dev mailbox and the demo button are on (ORIGIN ${config.publicUrl ?? 'unset'}${demoSetting === 'on' ? ', MIDPOINT_DEMO=on' : ''}), for this computer only. To let other people in, set ORIGIN to the server's public address and SMTP_URL.`
		);
	else if (config.demoEnabled)
		lines.push(
			`MIDPOINT_DEMO is on and other computers can reach this server (ORIGIN ${config.publicUrl ?? 'unset'}, HOST ${host ?? 'unset'}): anyone who reaches it can read every email in the dev mailbox, password-reset links included, and add the demo accounts. Keep it to a throw-away demo server.`
		);
	// Accounts (0031): on loopback with a public ORIGIN, a proxy is in front; without
	// ADDRESS_HEADER every request seems to come from the proxy's one address.
	const { header, loopbackOnly } = config.clientAddress;
	if (!header && loopbackOnly && config.publicUrl && !isLocalOrigin(config.publicUrl, true))
		lines.push(
			`ORIGIN ${config.publicUrl} is public and the server listens on loopback, so a proxy is in front, but ADDRESS_HEADER is not set: every request seems to come from the proxy, and a few wrong passwords lock everyone out. Set ADDRESS_HEADER (and XFF_DEPTH).`
		);
	return lines;
}

/** Opens the database, brings its schema up to date and starts the job worker. */
export async function startApp(config: Config = loadConfig()): Promise<RunningApp> {
	const handle = createDb(config.database);
	await migrateToLatest(handle.db, handle.dialect);
	const ctx = await createAppContext(handle, config);
	const { log } = ctx;
	// Deleted accounts that a restored backup brought back are erased again before anything runs.
	await reapplyErasures(ctx);
	const stopWorker = config.jobsEnabled
		? startJobWorker(ctx, config.jobsPollMs, config.reminderScanMs)
		: () => {};
	for (const line of startWarnings(config)) log.warn(line);
	log.info({ database: handle.dialect, env: config.env }, 'Midpoint is ready');
	return {
		ctx,
		async stop() {
			stopWorker();
			await flushDeferredMarks(ctx);
			await handle.close();
		}
	};
}
