import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, newContext, signInThroughForm } from '../support/browser.ts';
import { HttpClient } from '../support/http.ts';
import type { RunningServer } from '../support/server.ts';
import { useApp } from '../support/app.ts';

const app = useApp();
let browser: Browser, server: RunningServer;
beforeAll(() => void ({ browser, server } = app));

function createUser(email: string, password: string) {
	const made = server.cli(
		'create-user',
		'--email',
		email,
		'--name',
		'Sam Okafor',
		'--kind',
		'client',
		'--password',
		password
	);
	expect(made.status, made.stderr).toBe(0);
}

/** What an authenticator app would show, `ahead` steps of 30 s from now, for the typed key. */
function appCode(secretText: string, ahead = 0): string {
	const totp = new TOTP({ secret: Secret.fromBase32(secretText.replace(/\s/g, '')) });
	return totp.generate({ timestamp: Date.now() + ahead * 30_000 });
}

async function settled(page: Page, url: string) {
	await page.waitForURL(url);
	await page.waitForLoadState('networkidle');
	await expectAccessible(page);
}

describe.each([
	{ mode: 'with JavaScript', javaScript: true },
	{ mode: 'without JavaScript', javaScript: false }
])('two-step sign-in, $mode', ({ javaScript }) => {
	const email = `sam.${javaScript ? 'js' : 'nojs'}@example.com`;
	const password = 'paper boats on the canal';
	let page: Page;
	let secret = '';
	let codes: string[] = [];
	let lastCode = '';

	beforeAll(async () => {
		createUser(email, password);
		page = await (await newContext(browser, javaScript)).newPage();
		await signInThroughForm(page, server.url, email, password);
	});

	async function passwordStep() {
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.waitForURL('**/login?signed-out=1');
		await page.getByLabel('Email address').fill(email);
		await page.getByLabel('Password').fill(password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await settled(page, '**/login/second-factor**');
		expect(await page.locator('h1').textContent()).toBe('One more step');
	}

	async function secondStep(code: string) {
		await page.getByLabel('Code', { exact: true }).fill(code);
		await page.getByRole('button', { name: 'Sign in' }).click();
	}

	it('turns on from the account page with the key typed in, after a wrong code is refused', async () => {
		await page.getByRole('link', { name: 'Account' }).click();
		await expect.poll(() => page.locator('main').textContent()).toContain('Off. Turn it on');
		await page.getByRole('link', { name: 'Two-step sign-in' }).click();
		await settled(page, '**/account/two-factor');
		await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
		await expect.poll(() => page.getByTestId('totp-secret').count()).toBe(1);
		await expectAccessible(page);
		expect(
			await page
				.getByRole('img', { name: /QR code/ })
				.locator('svg')
				.count()
		).toBe(1);
		secret = (await page.getByTestId('totp-secret').textContent())!;
		expect(secret).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);

		// Five digits are asked to be six; six wrong ones are "not right".
		await page.getByLabel('Six-digit code').fill('12345');
		await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
		await expect
			.poll(() => page.locator('#field-code-error').textContent())
			.toContain('A code is six digits.');
		await page.getByLabel('Six-digit code').fill('000000');
		await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
		await expect.poll(() => page.locator('#field-code-error').textContent()).toContain('not right');
		await expectAccessible(page);

		await page.getByLabel('Six-digit code').fill(appCode(secret));
		await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
		await expect.poll(() => page.locator('.code-list code').count()).toBe(10);
		codes = await page.locator('.code-list code').allTextContents();
		expect(new Set(codes).size).toBe(10);
		await expectAccessible(page);
	});

	it('asks for a code after the password, and signs in with one', async () => {
		await passwordStep();
		// The next step's code: the one above was for this step and is spent.
		lastCode = appCode(secret, 1);
		await secondStep(lastCode);
		await settled(page, '**/home');
	});

	it('refuses the same code again, then takes a recovery code once', async () => {
		await passwordStep();
		await secondStep(lastCode);
		await expect.poll(() => page.getByRole('alert').textContent()).toContain('used already');
		await expectAccessible(page);
		await secondStep(codes[0]!);
		await settled(page, '**/home');

		await passwordStep();
		await secondStep(codes[0]!);
		await expect
			.poll(() => page.locator('#field-code-error').textContent())
			.toContain('used already: each one works once');
		expect(page.url()).toContain('/login/second-factor');
		await expectAccessible(page);
		await secondStep(codes[1]!.toUpperCase());
		await settled(page, '**/home');
		await page.goto(server.url + '/account/two-factor');
		expect(await page.locator('main').textContent()).toContain('8 unused recovery codes');
		await page.goto(server.url + '/account');
		expect(await page.locator('main').textContent()).toContain('On: signing in asks for a code');
	});
});

describe('over HTTP', () => {
	it('never gives a session for the password alone to a person with two-step sign-in', async () => {
		const email = 'lin@example.com';
		const password = 'green tea by the window';
		createUser(email, password);
		const owner = new HttpClient(server.url);
		await owner.signIn(email, password);
		await owner.post('/account/two-factor?/start', {});
		const page = await (await owner.get('/account/two-factor')).text();
		const secret = page.match(/data-testid="totp-secret"[^>]*>([A-Z2-7 ]+)</)![1]!;
		expect(
			(await owner.post('/account/two-factor?/confirm', { code: appCode(secret) })).status
		).toBe(200);

		const other = new HttpClient(server.url);
		const res = await other.post('/login', { email, password });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login/second-factor?next=%2Fhome');
		expect([...other.cookies.keys()]).toEqual(['midpoint-pending']);
		for (const path of ['/home', '/account', '/account/two-factor', '/journal']) {
			const denied = await other.get(path);
			expect(denied.status, path).toBe(303);
			expect(denied.headers.get('location'), path).toMatch(/^\/login\?next=/);
		}
		const wrong = await other.post('/login/second-factor', { code: '000000', next: '/home' });
		expect(wrong.status).toBe(400);
		expect([...other.cookies.keys()]).toEqual(['midpoint-pending']);
		const right = await other.post('/login/second-factor', {
			code: appCode(secret, 1),
			next: '/home'
		});
		expect(right.status).toBe(303);
		// The session, and the browser's device cookie for new-sign-in emails (decision 0031).
		expect([...other.cookies.keys()].sort()).toEqual(['midpoint-device', 'midpoint-session']);
		expect(other.cookies.get('midpoint-session')).not.toBe(owner.cookies.get('midpoint-session'));
		expect((await other.get('/home')).status).toBe(200);
	});

	it("sends a practice's staff to set it up first once the admin requires it", async () => {
		const made = server.cli(
			'create-user',
			'--email',
			'ada@example.com',
			'--name',
			'Ada',
			'--kind',
			'coach',
			'--practice',
			'Ada Coaching',
			'--password',
			'slow river, bright stones'
		);
		expect(made.status, made.stderr).toBe(0);
		const ada = new HttpClient(server.url);
		await ada.signIn('ada@example.com', 'slow river, bright stones');
		const practiceId = (await (await ada.get('/home')).text()).match(
			/href="\/practices\/([0-9a-f-]{36})"/
		)![1]!;
		expect((await ada.get('/home')).status).toBe(200);
		const saved = await ada.post(`/practices/${practiceId}/settings?/secondFactor`, {
			required: 'yes'
		});
		expect(saved.status).toBe(200);
		for (const path of ['/home', `/practices/${practiceId}`, '/account']) {
			const sent = await ada.get(path);
			expect(sent.status, path).toBe(303);
			expect(sent.headers.get('location'), path).toBe('/account/two-factor?required=1');
		}
		const setUp = await ada.get('/account/two-factor?required=1');
		expect(setUp.status).toBe(200);
		expect(await setUp.text()).toContain('Your practice asks everyone on its staff');
	});
});
