import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, focusedName, newContext } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';
import { useApp } from '../support/app.ts';
import { linkFrom, type Smtp } from '../support/smtp.ts';

const app = useApp({ smtp: true });
let browser: Browser, server: RunningServer, smtp: Smtp;
beforeAll(() => void ({ browser, server, smtp } = app));

async function visit(page: Page, path: string) {
	const res = await page.goto(server.url + path);
	expect(res?.status(), path).toBeLessThan(400);
	await expectAccessible(page);
}

const focusedField = focusedName;

describe.each([
	{ mode: 'with JavaScript', javaScript: true },
	{ mode: 'without JavaScript', javaScript: false }
])(
	'a coach signs up, signs in and out, and resets a forgotten password, $mode',
	({ javaScript, mode }) => {
		const email = `coach.${javaScript ? 'js' : 'nojs'}@example.com`;
		const name = javaScript ? 'Imani Brooks' : 'Tomas Varga';
		const password = 'the kettle sings at seven';
		const newPassword = 'a different song at nine';
		let page: Page;

		beforeAll(async () => {
			page = await (await newContext(browser, javaScript)).newPage();
		});

		it('shows the first-run welcome on an empty Midpoint, then the sign-up form', async () => {
			await visit(page, '/');
			expect(await page.locator('h1').textContent()).toContain('healthy middle');
			expect(await page.locator('svg[role="img"] title').first().textContent()).toBe(
				'The continuum'
			);
			if (javaScript)
				expect(await page.getByRole('heading', { name: /this Midpoint is new/ }).isVisible()).toBe(
					true
				);
			await page.goto(server.url + '/signup?kind=coach');
			await expectAccessible(page);
			expect(await page.getByLabel(/I am a coach/).isChecked()).toBe(true);
		});

		it('points out each mistake, keeps what was typed, and focuses the first problem', async () => {
			await page.getByLabel('Your name').fill(name);
			await page.getByLabel('Email address').fill('not-an-address');
			await page.getByLabel('Password', { exact: true }).fill('too short');
			await page.getByLabel('Practice name (coaches)').fill('');
			await page.getByRole('button', { name: 'Create account' }).click();
			await expect
				.poll(() => page.locator('#field-email-error').textContent())
				.toBe('Enter an email address like name@example.com.');
			expect(await page.locator('#field-practiceName-error').textContent()).toBe(
				'Name your practice (you can change it later).'
			);
			// The password's problem is named in the same answer, not only on the next try.
			expect(await page.locator('#field-password-error').textContent()).toBe(
				'Use at least 12 characters (this one has 9).'
			);
			expect(await page.getByLabel('Your name').inputValue()).toBe(name);
			expect(await page.getByLabel('Email address').inputValue()).toBe('not-an-address');
			expect(await page.getByLabel('Email address').getAttribute('aria-describedby')).toBe(
				'field-email-error'
			);
			await expect.poll(() => focusedField(page)).toBe('email');
			await expectAccessible(page);

			await page.getByLabel('Email address').fill(email);
			await page.getByLabel('Password', { exact: true }).fill('short');
			await page.getByLabel('Practice name (coaches)').fill('Brook & Varga Coaching');
			await page.getByRole('button', { name: 'Create account' }).click();
			await expect
				.poll(() => page.locator('#field-password-error').textContent())
				.toContain('at least 12 characters');
			expect(await page.getByLabel('Practice name (coaches)').inputValue()).toBe(
				'Brook & Varga Coaching'
			);
			await expect.poll(() => focusedField(page)).toBe('password');
		});

		it('creates the account and confirms it through the emailed link', async () => {
			await page.getByLabel('Password', { exact: true }).fill(password);
			await page.getByRole('button', { name: 'Create account' }).click();
			await page.waitForURL('**/signup/check-email');
			await expectAccessible(page);
			const mail = await smtp.waitFor(
				(m) => m.to.includes(email) && m.subject === 'Confirm your email for Midpoint'
			);
			await visit(page, new URL(linkFrom(mail, '/confirm-email')).pathname);
			await page.getByLabel('Password').fill(password);
			await page.getByRole('button', { name: 'Confirm and sign in' }).click();
			await page.waitForURL('**/home?welcome=1');
			await expect.poll(() => page.locator('h1').textContent()).toBe(`Hello, ${name}`);
			await expectAccessible(page);
		});

		it('opens the practice and its settings', async () => {
			await page.getByRole('link', { name: 'Open the practice' }).click();
			await expect.poll(() => page.locator('h1').textContent()).toBe('Brook & Varga Coaching');
			await expectAccessible(page);
			await page.getByRole('link', { name: 'Practice settings' }).click();
			await page.getByLabel('Practice name').fill('');
			await page.getByRole('button', { name: 'Save' }).click();
			await expect
				.poll(() => page.locator('#field-name-error').textContent())
				.toBe('Name your practice.');
			await page.getByLabel('Practice name').fill('Brook Coaching');
			await page.getByRole('button', { name: 'Save' }).click();
			await expect.poll(() => page.getByRole('status').textContent()).toContain('Saved.');
			await expectAccessible(page);
		});

		it('signs out, refuses a wrong password, and signs back in', async () => {
			await page.getByRole('button', { name: 'Sign out' }).click();
			await page.waitForURL('**/login?signed-out=1');
			await expectAccessible(page);
			await page.getByLabel('Email address').fill(email);
			await page.getByLabel('Password').fill('not my password');
			await page.getByRole('button', { name: 'Sign in' }).click();
			await expect
				.poll(() => page.getByRole('alert').textContent())
				.toContain('do not match an account');
			expect(await page.getByLabel('Email address').inputValue()).toBe(email);
			await page.getByLabel('Password').fill(password);
			await page.getByRole('button', { name: 'Sign in' }).click();
			await page.waitForURL('**/home');
			await page.getByRole('button', { name: 'Sign out' }).click();
			await page.waitForURL('**/login?signed-out=1');
		});

		it('resets a forgotten password from the emailed link and signs in with the new one', async () => {
			await page.getByRole('link', { name: 'Forgot your password?' }).click();
			await expectAccessible(page);
			await page.getByLabel('Email address').fill(email.toUpperCase());
			await page.getByRole('button', { name: 'Email me a link' }).click();
			await expect
				.poll(() => page.getByRole('status').textContent())
				.toContain('If an account uses');
			const mail = await smtp.waitFor(
				(m) => m.to.includes(email) && m.subject === 'Reset your Midpoint password'
			);
			await visit(page, new URL(linkFrom(mail, '/reset-password')).pathname);
			await page.getByLabel('New password').fill(newPassword);
			await page.getByLabel('The same password again').fill(newPassword + '!');
			await page.getByRole('button', { name: 'Save new password' }).click();
			await expect
				.poll(() => page.locator('#field-confirm-error').textContent())
				.toBe('The two passwords do not match.');
			await page.getByLabel('New password').fill(newPassword);
			await page.getByLabel('The same password again').fill(newPassword);
			await page.getByRole('button', { name: 'Save new password' }).click();
			await page.waitForURL('**/login?reset=done');
			await expect
				.poll(() => page.getByRole('status').first().textContent())
				.toContain('Sign in with the new one');

			await page.getByLabel('Email address').fill(email);
			await page.getByLabel('Password').fill(password);
			await page.getByRole('button', { name: 'Sign in' }).click();
			await expect
				.poll(() => page.getByRole('alert').textContent())
				.toContain('do not match an account');
			await page.getByLabel('Password').fill(newPassword);
			await page.getByRole('button', { name: 'Sign in' }).click();
			await page.waitForURL('**/home');
			await expect.poll(() => page.locator('h1').textContent()).toBe(`Hello, ${name}`);

			await visit(page, new URL(linkFrom(mail, '/reset-password')).pathname);
			await expect.poll(() => page.getByRole('alert').textContent()).toContain('already been used');
			void mode;
		});
	}
);

describe('keyboard only', () => {
	it('reaches the skip link first and signs in with Tab, typing and Enter', async () => {
		expect(
			server.cli(
				'create-user',
				'--email',
				'kai@example.com',
				'--name',
				'Kai',
				'--kind',
				'client',
				'--password',
				'morning light on water'
			).status
		).toBe(0);
		const page = await (await newContext(browser, true)).newPage();
		await page.goto(server.url + '/login', { waitUntil: 'networkidle' });
		await page.keyboard.press('Tab');
		expect(await page.locator('*:focus').textContent()).toBe('Skip to content');
		for (let i = 0; i < 12 && (await focusedField(page)) !== 'email'; i++)
			await page.keyboard.press('Tab');
		expect(await focusedField(page)).toBe('email');
		await page.keyboard.type('kai@example.com');
		await page.keyboard.press('Tab');
		expect(await focusedField(page)).toBe('password');
		await page.keyboard.type('morning light on water');
		await page.keyboard.press('Enter');
		await page.waitForURL('**/home');
		await expect.poll(() => page.locator('h1').textContent()).toBe('Hello, Kai');
		await expectAccessible(page);
	});
});

describe('on a phone', () => {
	it('shows the landing page without sideways scrolling', async () => {
		const context = await browser.newContext({
			viewport: { width: 375, height: 740 },
			isMobile: true,
			hasTouch: true
		});
		const page = await context.newPage();
		await page.goto(server.url + '/');
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		await expectAccessible(page);
	});
});
