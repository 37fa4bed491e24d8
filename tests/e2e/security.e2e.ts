import os from 'node:os';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfPages } from '../../src/lib/server/assessments/get-assessment-page.ts';
import {
	expectAccessible,
	launchBrowser,
	newContext,
	signInThroughForm
} from '../support/browser.ts';
import { HttpClient } from '../support/http.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { linkFrom, type Smtp } from '../support/smtp.ts';
import { useApp } from '../support/app.ts';

// Findings of the ASVS review (issue 10, decision 0025), seen from outside: over HTTP and in a browser.

const app = useApp({ smtp: true, browser: false });
let server: RunningServer, smtp: Smtp;
beforeAll(() => void ({ server, smtp } = app));

function createUser(email: string, password: string, name = 'Writer') {
	const made = server.cli(
		...['create-user', '--email', email, '--name', name, '--kind', 'client'],
		...['--password', password]
	);
	expect(made.status, made.stderr).toBe(0);
}

describe('where sign-in sends a person afterwards', () => {
	const email = 'next@example.com';
	const password = 'a lantern on the quay';
	beforeAll(() => createUser(email, password));

	it.each([
		'/\t/evil.example',
		'/\n/evil.example',
		'/.//evil.example',
		'/\\evil.example',
		'https://evil.example/',
		'javascript:alert(1)'
	])('never off the site: next=%j goes home', async (next) => {
		const res = await new HttpClient(server.url).post('/login', { email, password, next });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/home');
	});

	it('the form carries no hostile next from the address bar', async () => {
		const html = await (
			await new HttpClient(server.url).get('/login?next=/%09/evil.example')
		).text();
		expect(html).toContain('name="next" value="/home"');
	});

	it('still follows a path on this site', async () => {
		const res = await new HttpClient(server.url).post('/login', {
			email,
			password,
			next: '/journal?from=mail'
		});
		expect(res.headers.get('location')).toBe('/journal?from=mail');
	});
});

describe('a post larger than the server takes', () => {
	it('is answered 413 in words, and the server goes on serving', async () => {
		const http = new HttpClient(server.url);
		// Over adapter-node's 512 KB: once, this stopped the whole server (an unhandled rejection).
		for (const path of ['/login', '/signup']) {
			const res = await http.post(path, { email: 'a'.repeat(600_000), password: 'x' });
			expect(res.status, path).toBe(413);
			expect(await res.text()).toContain('That was more than Midpoint takes in one form');
		}
		expect((await http.get('/healthz')).status).toBe(200);
		expect((await http.get('/login')).status).toBe(200);
	});
});

describe('the dev mailbox and the demo button', () => {
	// As `npm start` runs: NODE_ENV and MIDPOINT_DEMO unset, no SMTP.
	const plain = { NODE_ENV: '', MIDPOINT_DEMO: '', SMTP_URL: '' };

	it('are off on a server whose ORIGIN is public, even bound to loopback', async () => {
		const publicServer = await startServer({
			env: plain,
			origin: () => 'https://coach.example.com'
		});
		try {
			const http = new HttpClient(`http://127.0.0.1:${new URL(publicServer.url).port}`);
			expect((await http.get('/dev/mailbox')).status).toBe(404);
			const home = await (await http.get('/')).text();
			expect(home).not.toContain('Fill it with a demo practice');
			expect(home).toContain('The demo button and the dev mailbox are off');
			expect(publicServer.logs()).toContain('is NOT sent and NOT kept');
		} finally {
			await publicServer.stop();
		}
	});

	it('are off where a local ORIGIN listens on every address, and the page says why', async () => {
		const open = await startServer({ env: { ...plain, HOST: '0.0.0.0' } });
		try {
			const http = new HttpClient(open.url);
			expect((await http.get('/dev/mailbox')).status).toBe(404);
			const home = await (await http.get('/')).text();
			expect(home).not.toContain('Fill it with a demo practice');
			expect(home).toContain('are off: HOST 0.0.0.0 lets other computers connect');
		} finally {
			await open.stop();
		}
	});

	it('are on where a plain start listens on this computer only, and nobody else reaches it', async () => {
		// HOST unset, as `npm start` runs: a local ORIGIN listens on loopback alone.
		const local = await startServer({ env: { ...plain, HOST: '' } });
		try {
			const port = new URL(local.url).port;
			expect(local.logs()).toContain('Midpoint listens on this computer only (127.0.0.1)');
			const outside = Object.values(os.networkInterfaces())
				.flat()
				.find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
			if (outside) await expect(fetch(`http://${outside}:${port}/healthz`)).rejects.toThrow();
			expect((await new HttpClient(local.url).get('/dev/mailbox')).status).toBe(200);
		} finally {
			await local.stop();
		}
	});

	it('are on, and say so, where ORIGIN is this computer', async () => {
		const localServer = await startServer({ env: plain });
		try {
			const http = new HttpClient(localServer.url);
			expect((await http.get('/dev/mailbox')).status).toBe(200);
			const home = await (await http.get('/')).text();
			expect(home).toContain('Fill it with a demo practice');
			expect(home).toContain('The demo button and the dev mailbox are on');
		} finally {
			await localServer.stop();
		}
	});
});

describe("an account made with someone else's address", () => {
	it('does not let the maker in once the owner clicks the link', async () => {
		const victim = 'owner.of.this@example.com';
		const makers = 'mallory picked this one';
		const mallory = new HttpClient(server.url);
		const signup = await mallory.post('/signup', {
			kind: 'client',
			name: 'Mallory',
			email: victim,
			password: makers
		});
		expect(signup.status).toBe(303);
		const mail = await smtp.waitFor(
			(m) => m.to.includes(victim) && m.subject === 'Confirm your email for Midpoint'
		);
		const confirmPath = new URL(linkFrom(mail, '/confirm-email')).pathname;
		// The owner clicks the link in their mailbox and presses the button, not knowing the password.
		const owner = new HttpClient(server.url);
		const page = await (await owner.get(confirmPath)).text();
		expect(page).toContain('Type the password you chose when signing up');
		// Sent empty, the password is asked for; a guess is refused as not the one chosen.
		const empty = await owner.post(confirmPath, { password: '' });
		expect(empty.status).toBe(400);
		expect(await empty.text()).toContain('Enter your password.');
		const answer = await owner.post(confirmPath, { password: 'my own usual password' });
		expect(answer.status).toBe(400);
		expect(await answer.text()).toContain('not the password this account was made with');
		expect(owner.cookies.has('midpoint-session')).toBe(false);
		const attempt = await mallory.post('/login', { email: victim, password: makers });
		expect(attempt.status).toBe(403);
		expect(await attempt.text()).toContain('Please confirm your email address first');
	});
});

describe('signing out', () => {
	it('tells the browser to forget what the site kept in it', async () => {
		createUser('leaver@example.com', 'the last ferry home');
		const http = new HttpClient(server.url);
		await http.signIn('leaver@example.com', 'the last ferry home');
		const res = await http.post('/logout', {});
		expect(res.status).toBe(303);
		expect(res.headers.get('clear-site-data')).toBe('"storage"');
	});
});

describe('journal text kept in the browser on a shared computer', () => {
	let browser: Browser;
	let context: BrowserContext;
	const prompt = '/journal/new?step=resonate&prompt=resonate-together';
	const question = 'When did doing something together work out better than alone?';
	const words = 'Ask my sister about the money before Sunday.';

	async function assessedClient(email: string, password: string, name: string) {
		createUser(email, password, name);
		const http = new HttpClient(server.url);
		await http.signIn(email, password);
		let location = (await http.post('/assessment?/start', {})).headers.get('location')!;
		for (const page of selfPages) {
			const form: Record<string, string> = {};
			for (const line of page) form[line.id] = line.attention ? '4' : '3';
			location = (await http.post(location, form)).headers.get('location')!;
		}
	}

	const storedCopy = (page: Page) =>
		page.evaluate((w) => Object.values(localStorage).some((v) => v.includes(w)), words);

	/** A types into a new entry while offline, then closes the tab: the words stay in the browser. */
	async function typeOffline(): Promise<void> {
		const page = await context.newPage();
		await signInThroughForm(page, server.url, 'ayo@example.com', 'ayo writes at night');
		await page.goto(server.url + prompt, { waitUntil: 'networkidle' });
		await context.setOffline(true);
		const editor = page.getByLabel(question);
		// Typed again until the page's script has kept a copy: on a busy machine the first keys can
		// come before the page is hydrated.
		for (let i = 0; i < 5 && !(await storedCopy(page)); i++) {
			await editor.fill('');
			await editor.pressSequentially(words);
			await expect
				.poll(() => storedCopy(page), { timeout: 3000 })
				.toBe(true)
				.catch(() => {});
		}
		expect(await storedCopy(page)).toBe(true);
		await page.close();
		await context.setOffline(false);
	}

	/**
	 * Opens the prompt as someone, and once the page's script runs (shown by a save going through),
	 * returns what the editor holds: anything brought back from the browser is in it by then.
	 */
	async function editorAs(email: string, password: string): Promise<{ page: Page; text: string }> {
		const page = await context.newPage();
		await signInThroughForm(page, server.url, email, password);
		await page.goto(server.url + prompt, { waitUntil: 'networkidle' });
		const editor = page.getByLabel(question);
		const status = () => page.getByRole('status').last().textContent();
		for (let i = 0; i < 6 && !/Saved at/.test((await status()) ?? ''); i++) {
			await editor.press('End');
			await editor.pressSequentially(' Hello.');
			await expect
				.poll(status, { timeout: 5000 })
				.toMatch(/Saved at/)
				.catch(() => {});
		}
		expect(await status()).toMatch(/Saved at/);
		return { page, text: await editor.inputValue() };
	}

	beforeAll(async () => {
		browser = await launchBrowser();
		await assessedClient('ayo@example.com', 'ayo writes at night', 'Ayo');
		await assessedClient('bea@example.com', 'bea reads at dawn', 'Bea');
	});
	afterAll(async () => {
		await browser?.close();
	});

	it("after A signs out, B on the same browser gets no copy of A's words", async () => {
		context = await newContext(browser, true);
		await typeOffline();
		const page = await context.newPage();
		await page.goto(server.url + '/home', { waitUntil: 'networkidle' });
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.waitForURL('**/login?signed-out=1');
		const kept = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
		expect(kept).not.toContain('sister');
		await page.close();

		const bea = await editorAs('bea@example.com', 'bea reads at dawn');
		expect(bea.text).not.toContain('sister');
		expect(await bea.page.locator('main').textContent()).not.toContain('We brought back text');
		await expectAccessible(bea.page);
		await bea.page.goto(server.url + '/journal');
		expect(await bea.page.locator('main').textContent()).not.toContain('sister');
		await context.close();
	});

	it("when A's session just ends, B does not get A's words, and A finds them again", async () => {
		context = await newContext(browser, true);
		await typeOffline();
		await context.clearCookies(); // A's session is over; A never pressed "Sign out"
		const bea = await editorAs('bea@example.com', 'bea reads at dawn');
		expect(bea.text).not.toContain('sister');
		expect(await bea.page.locator('main').textContent()).not.toContain('We brought back text');
		await context.clearCookies();
		const ayo = await context.newPage();
		await signInThroughForm(ayo, server.url, 'ayo@example.com', 'ayo writes at night');
		await ayo.goto(server.url + prompt);
		await expect
			.poll(() => ayo.locator('main').textContent(), { timeout: 30_000 })
			.toContain('We brought back text you wrote on this device');
		expect(await ayo.getByLabel(question).inputValue()).toBe(words);
		await context.close();
	});
});
