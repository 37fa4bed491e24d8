import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgCluster, type PgCluster } from '../../scripts/pg-cluster.ts';
import {
	expectAccessible,
	launchBrowser,
	newContext,
	signInThroughForm
} from '../support/browser.ts';
import { HttpClient } from '../support/http.ts';
import { startServer, type RunningServer } from '../support/server.ts';

// Issue 13: PostgreSQL stopped and started under a running app. Requests in the gap get a plain
// 503 with Retry-After, a form post gets what was typed back, and the app recovers by itself.

const wanted = (process.env.DIALECTS ?? 'sqlite').split(',').includes('postgres');
let cluster: PgCluster | undefined;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	if (!wanted) return;
	// Its own cluster: stopping the shared one would break every other test.
	cluster = await startPgCluster();
	if (!cluster) throw new Error('PostgreSQL is wanted (DIALECTS) but not installed');
	server = await startServer({
		env: { DATABASE_URL: cluster.url, MIDPOINT_MASTER_KEY: randomBytes(32).toString('base64') }
	});
	expect(server.cli('demo').status).toBe(0);
	browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	cluster?.stop();
});

async function answersAgainWithin(ms: number, client: HttpClient): Promise<number> {
	const back = Date.now();
	while (Date.now() - back < ms) {
		if ((await client.get('/home')).status === 200) return Date.now() - back;
		await new Promise((r) => setTimeout(r, 250));
	}
	return Infinity;
}

describe.runIf(wanted)('PostgreSQL stopped and started while the app runs', () => {
	it('answers 503 with Retry-After, keeps what was typed, and recovers by itself', async () => {
		const client = new HttpClient(server.url);
		await client.signIn('ben@demo.midpoint.local', 'midpoint-demo-practice');
		const context = await newContext(browser, false);
		const tab = await context.newPage();
		await tab.setViewportSize({ width: 360, height: 740 });
		await signInThroughForm(tab, server.url, 'amara@demo.midpoint.local', 'midpoint-demo-practice');
		await tab.goto(`${server.url}/journal`);
		await tab.locator('a[href^="/journal/new?step="]').first().click();
		const typed = 'The evening I asked my brother for help & he said <yes> at once.';
		await tab.getByRole('textbox').first().fill(typed);

		cluster!.halt();
		const page = await client.get('/home');
		expect(page.status).toBe(503);
		expect(page.headers.get('retry-after')).toBe('5');
		expect(await page.text()).toContain('cannot reach its database');

		// Saving without JavaScript in the gap: the 503 page gives the text back, ready to resend.
		await tab.getByRole('button', { name: /save/i }).click();
		await expect.poll(() => tab.title()).toContain('Back in a moment');
		expect(await tab.getByRole('textbox').inputValue()).toBe(typed);
		await expectAccessible(tab);
		expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

		cluster!.resume();
		const ms = await answersAgainWithin(10_000, client);
		expect(ms, 'the app answers again within 10 s of PostgreSQL, without a restart').toBeLessThan(
			10_000
		);
		console.log(`database outage: the app answered again ${ms} ms after PostgreSQL was back`);

		await tab.getByRole('button', { name: 'Try again' }).click();
		await expect.poll(() => tab.url()).toMatch(/\/journal\/[0-9a-f-]{36}\?saved=1$/);
		expect(await tab.getByRole('textbox').first().inputValue()).toBe(typed);
		await context.close();
	}, 90_000);
});
