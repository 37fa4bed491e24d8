import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';
import { startSmtp, type Smtp } from './smtp.ts';

export interface App {
	server: RunningServer;
	/** Chromium, unless the file asked for none. */
	browser: Browser;
	/** A real SMTP server the app sends to, when the file asked for one. */
	smtp: Smtp;
}

/**
 * What a browser test file runs against, started once before its tests and stopped after them:
 * the built app on a fresh SQLite file, Chromium, and (with `smtp: true`) an SMTP server that
 * keeps what the app sends. The fields are there from the file's first beforeAll on.
 */
export function useApp(options: { smtp?: boolean; browser?: boolean } = {}): App {
	const app = {} as App;
	beforeAll(async () => {
		if (options.smtp) app.smtp = await startSmtp();
		app.server = await startServer({ env: options.smtp ? { SMTP_URL: app.smtp.url } : {} });
		if (options.browser !== false) app.browser = await launchBrowser();
	});
	afterAll(async () => {
		await app.browser?.close();
		await app.server?.stop();
		await app.smtp?.stop();
	});
	return app;
}
