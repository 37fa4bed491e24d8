import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, fitsAPhone, newContext } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';
import { useApp } from '../support/app.ts';

const app = useApp();
let browser: Browser, server: RunningServer;
beforeAll(() => void ({ browser, server } = app));

describe('first run, without JavaScript', () => {
	it('fills an empty Midpoint with the demo practice and lets the coach in', async () => {
		const page = await (await newContext(browser, false)).newPage();
		await page.goto(server.url + '/');
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Fill it with a demo practice' }).click();
		await expect.poll(() => page.locator('h1').textContent()).toBe('The demo practice is ready');
		const rows = await page.locator('tbody tr').allTextContents();
		expect(rows).toHaveLength(8);
		expect(rows[0]).toContain('rosa@demo.midpoint.local');
		await expectAccessible(page);
		const password = (await page.locator('code').first().textContent())!;

		await page.getByRole('link', { name: 'Sign in' }).last().click();
		await page.getByLabel('Email address').fill('rosa@demo.midpoint.local');
		await page.getByLabel('Password').fill(password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL('**/home');
		await page.getByRole('link', { name: 'Open the practice' }).click();
		const clients = await page.locator('tbody tr').allTextContents();
		expect(clients).toHaveLength(6);
		expect(clients.join(' ')).toContain('Farid Haddad');
		await expectAccessible(page);
		await page.getByRole('link', { name: 'How the assessment behaves in your practice' }).click();
		await expect
			.poll(() => page.locator('h1').textContent())
			.toContain('How the assessment behaves');
		await expectAccessible(page);

		await page.goto(server.url + '/');
		expect(await page.getByRole('button', { name: 'Fill it with a demo practice' }).count()).toBe(
			0
		);
	});

	it('keeps mail in the dev mailbox when no SMTP server is set', async () => {
		const page = await (await newContext(browser, false)).newPage();
		await page.goto(server.url + '/forgot-password');
		await page.getByLabel('Email address').fill('ben@demo.midpoint.local');
		await page.getByRole('button', { name: 'Email me a link' }).click();
		// Rosa's first sign-in above sent a new-device notice too: look for the reset email itself.
		const reset = page.getByRole('link', { name: 'Reset your Midpoint password' });
		await expect
			.poll(
				async () => {
					await page.goto(server.url + '/dev/mailbox');
					return reset.count();
				},
				{ timeout: 10_000 }
			)
			.toBe(1);
		await expectAccessible(page);
		await fitsAPhone(page);
		await reset.click();
		await expect
			.poll(() => page.locator('pre.mail a').first().getAttribute('href'))
			.toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
		await expectAccessible(page);
		// The long link wraps inside the message on a phone.
		await fitsAPhone(page);
	});
});
