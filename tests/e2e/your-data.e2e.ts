import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTORY_PASSWORD } from '../factories/accounts.ts';
import { buildCoachingCast, sharedEntry } from '../factories/workspace.ts';
import { runDueJobs } from '../../src/lib/server/jobs/worker.ts';
import { expectAccessible, launchBrowser, newContext } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { startSmtp, type Smtp } from '../support/smtp.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';

const SECRET = 'The summer I stopped calling my father back';
const DAY = 24 * 60 * 60 * 1000;

let browser: Browser;
let server: RunningServer;
let smtp: Smtp;
let t: TestContext;
let client: { email: string; name: string };
let coachEmail: string;
let practiceId: string;

beforeAll(async () => {
	smtp = await startSmtp();
	t = await createTestContext('sqlite', { SMTP_URL: smtp.url });
	t.clock.current = new Date();
	const cast = await buildCoachingCast(t.ctx);
	client = cast.client;
	coachEmail = cast.coach.email;
	practiceId = cast.practiceId;
	await sharedEntry(t.ctx, cast.actors.client, SECRET);
	server = await startServer({ env: { ...t.serverEnv, SMTP_URL: smtp.url } });
	browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	await smtp?.stop();
	await t?.dispose();
});

async function signIn(page: Page, password = FACTORY_PASSWORD, email = client.email) {
	await page.goto(server.url + '/login', { waitUntil: 'networkidle' });
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForLoadState('networkidle');
}

/** From the menu: Account, then "Your data". */
async function openYourData(page: Page) {
	await page.getByRole('link', { name: 'Account', exact: true }).click();
	await page.getByRole('link', { name: 'Your data' }).click();
	await page.waitForURL('**/account/data');
	expect(await page.locator('h1').textContent()).toBe('Your data');
}

async function fitsAPhone(page: Page) {
	await page.setViewportSize({ width: 360, height: 740 });
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, `${page.url()} is wider than a phone`).toBeLessThanOrEqual(360);
	await page.setViewportSize({ width: 1100, height: 900 });
}

describe.each([true, false])('your data with JavaScript %s', (javaScript) => {
	it('exports everything: the journal entry is in the ZIP, and the link works once', async () => {
		const page = await (await newContext(browser, javaScript)).newPage();
		await signIn(page);
		await page.waitForURL('**/home');
		await openYourData(page);
		await expectAccessible(page);
		if (javaScript) await fitsAPhone(page);
		await page.getByRole('button', { name: 'Make the export' }).click();
		// The page refreshes itself while the job runs (a meta refresh: no script needed).
		const link = page.getByRole('link', { name: /Download your data/ });
		await link.waitFor({ timeout: 60_000 });
		await expectAccessible(page);
		const href = server.url + (await link.getAttribute('href'))!;
		if (!javaScript) {
			// Over HTTP, the link is nobody else's: not the coach's, and the client runs no practice.
			const other = await (await newContext(browser, false)).newPage();
			await signIn(other, FACTORY_PASSWORD, coachEmail);
			expect((await other.goto(href))?.status()).toBe(404);
			await other.context().close();
			expect((await page.goto(`${server.url}/practices/${practiceId}/export`))?.status()).toBe(403);
			await page.goto(server.url + '/account/data');
		}
		const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
		const files = unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)));
		expect(strFromU8(files['journal.csv']!)).toContain(SECRET);
		const json = JSON.parse(strFromU8(files['midpoint-export.json']!));
		expect(json.journal.map((e: { text: string }) => e.text)).toContain(SECRET);

		const again = await page.goto(href);
		expect(again?.status()).toBe(410);
		expect(await page.locator('main').textContent()).toContain(
			'This download link has been used already'
		);
		await page.goto(server.url + '/account/data');
		expect(await page.locator('main').textContent()).toContain('You downloaded your last export');
		await page.context().close();
	}, 120_000);
});

describe('deleting an account', () => {
	it('refuses a wrong password, waits 7 days with an undo, and then deletes for good', async () => {
		for (const javaScript of [true, false]) {
			const page = await (await newContext(browser, javaScript)).newPage();
			await signIn(page);
			await openYourData(page);
			await page.getByRole('link', { name: 'Delete my account…' }).click();
			await page.waitForURL('**/account/data/delete');
			await expectAccessible(page);
			await page.getByLabel('Your password, to confirm it is you').fill('not my password');
			await page.getByRole('button', { name: 'Delete my account in 7 days' }).click();
			await expect
				.poll(() => page.locator('#field-password-error').textContent())
				.toContain('That is not your password');
			await expectAccessible(page);
			await page.getByLabel('Your password, to confirm it is you').fill(FACTORY_PASSWORD);
			await page.getByRole('button', { name: 'Delete my account in 7 days' }).click();
			await page.waitForURL('**/account/data/scheduled**');
			expect(await page.locator('h1').textContent()).toBe('Your account will be deleted');
			await expectAccessible(page);

			// Signing in shows the grace period, whatever page is asked for, and offers the undo.
			await signIn(page);
			await page.waitForURL('**/account/data');
			expect(await page.locator('main').textContent()).toContain(
				'Your account is about to be deleted'
			);
			await expectAccessible(page);
			await page.goto(server.url + '/journal');
			expect(new URL(page.url()).pathname).toBe('/account/data');
			if (javaScript) {
				await page.getByRole('button', { name: 'Keep my account' }).click();
				await expect
					.poll(() => page.locator('main').textContent())
					.toContain('Your account is kept. Nothing was deleted.');
				await page.goto(server.url + '/journal');
				expect(new URL(page.url()).pathname).toBe('/journal');
			}
			await page.context().close();
		}

		// Eight days later by the test's clock, the waiting job deletes the account.
		t.clock.advance(8 * DAY);
		await runDueJobs(t.ctx);
		await runDueJobs(t.ctx); // the email to the coach, queued by the deletion
		const mail = await smtp.waitFor(
			(m) => m.to.includes(coachEmail.toLowerCase()) && /left/.test(m.subject)
		);
		expect(mail.subject).toBe(`${client.name} has left Midpoint`);
		expect(mail.text).not.toContain(SECRET);

		const page = await (await newContext(browser, false)).newPage();
		await signIn(page);
		expect(await page.locator('main').textContent()).toContain(
			'That email and password do not match an account'
		);
		await page.context().close();
	}, 180_000);
});
