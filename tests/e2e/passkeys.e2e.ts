import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, newContext, signInThroughForm } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';
import { useApp } from '../support/app.ts';

const app = useApp();
let browser: Browser, server: RunningServer;
beforeAll(() => void ({ browser, server } = app));

const password = 'a kite above the dunes';

function createUser(email: string) {
	const made = server.cli(
		'create-user',
		...['--email', email, '--name', 'Mina Sato', '--kind', 'client', '--password', password]
	);
	expect(made.status, made.stderr).toBe(0);
}

/** As if ten minutes had passed since this person last proved it was them. */
function provedLongAgo(email: string) {
	const db = new SQLite(path.join(server.dataDir, 'midpoint.db'));
	try {
		db.prepare(
			`UPDATE sessions SET reauthenticated_at = ? WHERE user_id = (SELECT id FROM users WHERE email = ?)`
		).run(new Date(Date.now() - 11 * 60_000).toISOString(), email);
	} finally {
		db.close();
	}
}

const main = (page: Page) => page.locator('main').textContent();

describe('passkeys, with JavaScript and Chromium’s virtual authenticator', () => {
	const email = 'mina.passkey@example.com';
	let page: Page;

	beforeAll(async () => {
		createUser(email);
		const context = await newContext(browser, true);
		page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('WebAuthn.enable');
		await cdp.send('WebAuthn.addVirtualAuthenticator', {
			options: {
				protocol: 'ctap2',
				transport: 'internal',
				hasResidentKey: true,
				hasUserVerification: true,
				isUserVerified: true,
				automaticPresenceSimulation: true
			}
		});
		await signInThroughForm(page, server.url, email, password);
	});

	it('adds a passkey from the account page', async () => {
		await page.getByRole('link', { name: 'Account' }).click();
		await page.getByRole('link', { name: 'Passkeys' }).click();
		await page.waitForURL('**/account/passkeys');
		await expect.poll(() => page.getByLabel('Name for this passkey').count()).toBe(1);
		await expectAccessible(page);
		await page.getByLabel('Name for this passkey').fill('This laptop');
		await page.getByRole('button', { name: 'Add a passkey' }).click();
		await expect.poll(() => main(page)).toContain('Passkey “This laptop” added.');
		expect(await page.getByRole('list', { name: 'Your passkeys' }).textContent()).toContain(
			'This laptop'
		);
		await expectAccessible(page);
	});

	it('signs in with the passkey alone, and the security log shows it', async () => {
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.waitForURL('**/login?signed-out=1');
		await page.getByRole('link', { name: 'Sign in with a passkey' }).click();
		await page.waitForURL('**/login/passkey**');
		await expect.poll(() => page.getByRole('button', { name: 'Use a passkey' }).count()).toBe(1);
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Use a passkey' }).click();
		await page.waitForURL('**/home');
		await page.goto(`${server.url}/account`);
		const log = page.getByRole('list', { name: 'Security log' });
		expect(await log.getByRole('listitem').first().textContent()).toContain('Signed in');
		expect(await log.textContent()).toContain('Passkey added');
	});

	it('asks to confirm it is you after 10 minutes, keeping the name typed, and a passkey confirms', async () => {
		provedLongAgo(email);
		await page.goto(`${server.url}/account/passkeys`);
		await expect.poll(() => page.getByLabel('Name for this passkey').count()).toBe(1);
		await page.getByLabel('Name for this passkey').fill('Kept while confirming');
		await page.getByRole('button', { name: 'Add a passkey' }).click();
		await page.waitForURL('**/account/confirm?next=**');
		await expect
			.poll(() => page.getByRole('button', { name: 'Confirm with a passkey' }).count())
			.toBe(1);
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Confirm with a passkey' }).click();
		await page.waitForURL('**/account/passkeys#add');
		await expect
			.poll(() => page.getByLabel('Name for this passkey').inputValue())
			.toBe('Kept while confirming');
		expect(await main(page)).toContain('Thank you. Carry on: what you typed is still here.');
	});

	it('removes the passkey, which then opens nothing', async () => {
		const item = page.getByRole('list', { name: 'Your passkeys' }).getByRole('listitem');
		await item.getByRole('button', { name: 'Remove' }).click();
		await expect.poll(() => main(page)).toContain('Passkey “This laptop” removed.');
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.waitForURL('**/login?signed-out=1');
		await page.goto(`${server.url}/login/passkey`);
		await expect.poll(() => page.getByRole('button', { name: 'Use a passkey' }).count()).toBe(1);
		await page.getByRole('button', { name: 'Use a passkey' }).click();
		await expect.poll(() => main(page)).toContain('That passkey does not open an account here');
		expect(new URL(page.url()).pathname).toBe('/login/passkey');
	});
});

describe('passkeys without JavaScript', () => {
	it('say they need it, and the password still signs in', async () => {
		const email = 'mina.nojs@example.com';
		createUser(email);
		const page = await (await newContext(browser, false)).newPage();
		await page.goto(`${server.url}/login/passkey`);
		expect(await page.getByTestId('passkeys-need-script').textContent()).toContain(
			'Passkeys need JavaScript'
		);
		await expectAccessible(page);
		await signInThroughForm(page, server.url, email, password);
		await page.goto(`${server.url}/account/passkeys`);
		expect(await page.getByTestId('passkeys-need-script').textContent()).toContain(
			'Your password works as always'
		);
		await expectAccessible(page);
	});
});
