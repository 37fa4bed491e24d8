import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, newContext, signInThroughForm } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';
import { useApp } from '../support/app.ts';
import type { Smtp } from '../support/smtp.ts';

const app = useApp({ smtp: true });
let browser: Browser, server: RunningServer, smtp: Smtp;
beforeAll(() => void ({ browser, server, smtp } = app));

const PHONE =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const password = 'lanterns along the quay';

/** As if ten minutes had passed since this person last typed their password on any device. */
function passwordTypedLongAgo(email: string) {
	const db = new SQLite(path.join(server.dataDir, 'midpoint.db'));
	try {
		db.prepare(
			`UPDATE sessions SET reauthenticated_at = ? WHERE user_id = (SELECT id FROM users WHERE email = ?)`
		).run(new Date(Date.now() - 11 * 60_000).toISOString(), email);
	} finally {
		db.close();
	}
}

describe.each([
	{ mode: 'with JavaScript', javaScript: true },
	{ mode: 'without JavaScript', javaScript: false }
])('the sessions list, $mode', ({ javaScript }) => {
	const email = `noor.${javaScript ? 'js' : 'nojs'}@example.com`;
	let phone: Page, laptop: Page;

	beforeAll(async () => {
		const made = server.cli(
			'create-user',
			...['--email', email, '--name', 'Noor Haddad', '--kind', 'client', '--password', password]
		);
		expect(made.status, made.stderr).toBe(0);
		const phoneContext = await newContext(browser, javaScript);
		await phoneContext.setExtraHTTPHeaders({ 'user-agent': PHONE });
		phone = await phoneContext.newPage();
		await signInThroughForm(phone, server.url, email, password);
		laptop = await (await newContext(browser, javaScript)).newPage();
		await signInThroughForm(laptop, server.url, email, password);
	});

	it('emails the owner about a sign-in from a browser the account had not seen', async () => {
		const mail = await smtp.waitFor(
			(m) => m.to.includes(email) && m.subject === 'A new sign-in to your Midpoint account'
		);
		expect(mail.text).toMatch(/Safari on iPhone, on \w+day \d+ \w+ \d{4} at \d\d:\d\d UTC/);
		expect(mail.text).toContain('If it was not you, someone knows your password.');
		const laptopMail = await smtp.waitFor(
			(m) => m.to.includes(email) && m.text.includes('Chrome (automated) on Linux')
		);
		expect(laptopMail.subject).toBe('A new sign-in to your Midpoint account');
		// Signing in again on the same browser is not news.
		await laptop.getByRole('button', { name: 'Sign out' }).click();
		await laptop.waitForURL('**/login?signed-out=1');
		await signInThroughForm(laptop, server.url, email, password);
		const count = () => smtp.mails.filter((m) => m.to.includes(email)).length;
		expect(count()).toBe(2);
	});

	it('lists both devices on the account page, this one marked', async () => {
		await laptop.getByRole('link', { name: 'Account' }).click();
		await laptop.waitForURL('**/account');
		const list = laptop.getByRole('list', { name: 'Where you are signed in' });
		const items = list.getByRole('listitem');
		await expect.poll(() => items.count()).toBe(2);
		expect(await items.first().textContent()).toContain(
			'Chrome (automated) on Linux · this device'
		);
		expect(await items.nth(1).textContent()).toContain('Safari on iPhone');
		expect(await items.nth(1).textContent()).toContain('Active now');
		await expectAccessible(laptop);
	});

	it('asks for the password again after 10 minutes, then signs the phone out', async () => {
		passwordTypedLongAgo(email);
		const list = laptop.getByRole('list', { name: 'Where you are signed in' });
		const phoneItem = list.getByRole('listitem').filter({ hasText: 'Safari on iPhone' });
		await phoneItem.getByRole('button', { name: 'Sign out' }).click();
		await laptop.waitForURL('**/account/confirm?next=**');
		expect(await laptop.locator('h1').textContent()).toBe('Confirm it is you');
		await expectAccessible(laptop);
		await laptop.getByLabel('Your password').fill('not the right one at all');
		await laptop.getByRole('button', { name: 'Confirm' }).click();
		await expect
			.poll(() => laptop.locator('#field-password-error').textContent())
			.toBe('That is not your current password.');
		await laptop.getByLabel('Your password').fill(password);
		await laptop.getByRole('button', { name: 'Confirm' }).click();
		await laptop.waitForURL('**/account#sessions');
		await expect
			.poll(() => laptop.locator('main').textContent())
			.toContain('Thank you. You can sign devices out now.');
		// The phone is still signed in until the person presses the button again.
		await phone.reload();
		expect(new URL(phone.url()).pathname).toBe('/home');

		await phoneItem.getByRole('button', { name: 'Sign out' }).click();
		await expect
			.poll(() => laptop.locator('main').textContent())
			.toContain('Safari on iPhone is signed out.');
		expect(await list.getByRole('listitem').count()).toBe(1);
		expect(await laptop.locator('main').textContent()).toContain(
			'You are not signed in anywhere else.'
		);
		await phone.reload();
		expect(new URL(phone.url()).pathname).toBe('/login');
	});

	it('signs out everywhere else at once', async () => {
		await signInThroughForm(phone, server.url, email, password);
		await laptop.reload();
		await laptop.getByRole('button', { name: 'Sign out everywhere else' }).click();
		await expect
			.poll(() => laptop.locator('main').textContent())
			.toContain('One other device is signed out.');
		await phone.reload();
		expect(new URL(phone.url()).pathname).toBe('/login');
	});

	it('shows all of it in the security log, with the devices in words', async () => {
		await laptop.reload();
		const log = laptop.getByRole('list', { name: 'Security log' });
		const lines = await log.getByRole('listitem').allTextContents();
		expect(lines[0]).toContain('Every other device was signed out');
		const text = lines.join('\n');
		expect(text).toMatch(
			/A device was signed out from the sessions list\s+\w+day .* UTC · Safari on iPhone/
		);
		expect(text).toMatch(
			/Signed in from a device for the first time\s+.* · Chrome \(automated\) on Linux/
		);
		await expectAccessible(laptop);
	});

	it('asks to confirm it is you before making a copy of your data, after 10 minutes', async () => {
		passwordTypedLongAgo(email);
		await laptop.goto(server.url + '/account');
		await laptop.getByRole('link', { name: 'Your data' }).click();
		await laptop.getByRole('button', { name: 'Make the export' }).click();
		await laptop.waitForURL('**/account/confirm?next=**');
		await laptop.getByLabel('Your password').fill(password);
		await laptop.getByRole('button', { name: 'Confirm' }).click();
		await laptop.waitForURL('**/account/data**');
		await expect
			.poll(() => laptop.locator('main').textContent())
			.toContain('Thank you. You can make the export now.');
		await expectAccessible(laptop);
		await laptop.getByRole('button', { name: 'Make the export' }).click();
		// Queued: the page shows it being made, or already ready on a quick machine.
		await expect
			.poll(() => laptop.locator('main').textContent())
			.toMatch(/Making your data|Download your data/);
	});
});
