import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, newContext, signInThroughForm } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';
import { useApp } from '../support/app.ts';
import { linkFrom, type Smtp } from '../support/smtp.ts';

const app = useApp({ smtp: true });
let browser: Browser, server: RunningServer, smtp: Smtp;
beforeAll(() => void ({ browser, server, smtp } = app));

const password = 'moss on the north wall';

function createUser(email: string) {
	const made = server.cli(
		'create-user',
		...['--email', email, '--name', 'Ines Moreau', '--kind', 'client', '--password', password]
	);
	expect(made.status, made.stderr).toBe(0);
}

/** As if a day had passed since the link was sent. */
function expireEmailChanges() {
	const db = new SQLite(path.join(server.dataDir, 'midpoint.db'));
	try {
		db.prepare('UPDATE email_changes SET expires_at = ?').run(
			new Date(Date.now() - 1000).toISOString()
		);
	} finally {
		db.close();
	}
}

describe.each([
	{ mode: 'with JavaScript', javaScript: true },
	{ mode: 'without JavaScript', javaScript: false }
])('changing the email address, $mode', ({ javaScript }) => {
	const tag = javaScript ? 'js' : 'nojs';
	const email = `ines.${tag}@example.com`;
	const newEmail = `ines.moreau.${tag}@example.org`;
	const someoneElse = `taken.${tag}@example.com`;
	let page: Page;

	beforeAll(async () => {
		createUser(email);
		createUser(someoneElse);
		page = await (await newContext(browser, javaScript)).newPage();
		await signInThroughForm(page, server.url, email, password);
	});

	async function ask(address: string, typed: string) {
		await page.getByLabel('New email address').fill(address);
		await page.getByLabel('Your password').fill(typed);
		await page.getByRole('button', { name: 'Send the link' }).click();
	}

	it('is reached from the account page and refuses the same address or a wrong password, keeping what was typed', async () => {
		await page.getByRole('link', { name: 'Account' }).click();
		await page.getByRole('link', { name: 'Change your email' }).click();
		await page.waitForURL('**/account/email');
		await expectAccessible(page);
		await ask(email.toUpperCase(), password);
		await expect
			.poll(() => page.locator('#field-newEmail-error').textContent())
			.toBe('That is already the address of your account.');
		await ask(newEmail, 'this is not it at all');
		await expect
			.poll(() => page.locator('#field-password-error').textContent())
			.toBe('That is not your current password.');
		expect(await page.getByLabel('New email address').inputValue()).toBe(newEmail);
		expect(await page.getByLabel('Your password').inputValue()).toBe('');
		await expectAccessible(page);
	});

	it('answers a taken address as any other, and mails its owner instead of a link', async () => {
		await ask(someoneElse, password);
		await expect
			.poll(() => page.locator('main').textContent())
			.toContain(`We sent a link to ${someoneElse}.`);
		const mail = await smtp.waitFor((m) => m.to.includes(someoneElse));
		expect(mail.subject).toBe('This address already has a Midpoint account');
		expect(mail.text).not.toContain('/account/email/confirm/');
	});

	it('refuses an expired link and changes nothing', async () => {
		await page.goto(server.url + '/account/email');
		await ask(`expired.${tag}@example.org`, password);
		const mail = await smtp.waitFor((m) => m.to.includes(`expired.${tag}@example.org`));
		expireEmailChanges();
		await page.goto(linkFrom(mail, '/account/email/confirm'));
		expect(await page.getByRole('alert').textContent()).toContain('This link has expired');
		await expectAccessible(page);
	});

	it('changes the address only when the link sent to it is used, after a notice to the old one', async () => {
		await page.goto(server.url + '/account/email');
		await ask(newEmail, password);
		await expect
			.poll(() => page.locator('main').textContent())
			.toContain(`We sent a link to ${newEmail}.`);
		const notice = await smtp.waitFor(
			(m) => m.to.includes(email) && m.text.includes(`to ${newEmail} was just asked for`)
		);
		expect(notice.subject).toBe('Someone asked to change the email of your Midpoint account');
		const mail = await smtp.waitFor((m) => m.to.includes(newEmail));
		await page.goto(server.url + '/account');
		expect(await page.locator('main').textContent()).toContain(`(${email})`);

		await page.goto(linkFrom(mail, '/account/email/confirm'));
		await expectAccessible(page);
		expect(await page.locator('main').textContent()).toContain(`Use ${newEmail} for your`);
		await page.getByRole('button', { name: 'Use this address' }).click();
		await expect
			.poll(() => page.locator('main').textContent())
			.toContain(`Done: your account now uses ${newEmail}.`);
		await smtp.waitFor((m) => m.to.includes(email) && m.subject.includes('was changed'));

		// Still signed in here; and the new address signs in.
		await page.getByRole('link', { name: 'Go to your account' }).click();
		expect(await page.locator('main').textContent()).toContain(`(${newEmail})`);
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.waitForURL('**/login?signed-out=1');
		await signInThroughForm(page, server.url, newEmail, password);
	});

	it('undoes the change from the link in the notice to the old address, once, signing out the other device', async () => {
		const changed = await smtp.waitFor(
			(m) => m.to.includes(email) && m.subject.includes('was changed')
		);
		expect(changed.text).toContain('within 7 days');
		const undo = linkFrom(changed, '/account/email/undo');
		const elsewhere = await (await newContext(browser, javaScript)).newPage();
		await elsewhere.goto(undo);
		await expectAccessible(elsewhere);
		expect(await elsewhere.locator('main').textContent()).toContain(`Use ${email} for your`);
		await elsewhere.getByRole('button', { name: 'Put this address back' }).click();
		await expect
			.poll(() => elsewhere.locator('main').textContent())
			.toContain(`Done: your account uses ${email} again`);
		await expectAccessible(elsewhere);

		// The device signed in with the new address is signed out; the old address signs in.
		await page.goto(server.url + '/account');
		await page.waitForURL('**/login**');
		await signInThroughForm(page, server.url, email, password);
		await page.goto(server.url + '/account');
		expect(await page.locator('main').textContent()).toContain(`(${email})`);

		await elsewhere.goto(undo);
		expect(await elsewhere.getByRole('alert').textContent()).toContain('used already');

		// The operator's JSON line names the person and the request, never an address.
		const line = server
			.logs()
			.split('\n')
			.filter((l) => l.startsWith('{'))
			.map((l) => JSON.parse(l) as Record<string, unknown>)
			.find((l) => l.event === 'email-change-undone' && l.msg === 'security event');
		expect(line?.userId).toEqual(expect.any(String));
		expect(line?.requestId).toMatch(/^[A-Za-z0-9-]{8,64}$/);
		expect(JSON.stringify(line)).not.toContain('@');
	});
});
