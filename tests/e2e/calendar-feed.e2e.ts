import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, newContext, signInThroughForm } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';
import { useApp } from '../support/app.ts';

const app = useApp();
let browser: Browser, server: RunningServer;
beforeAll(() => void ({ browser, server } = app));

const summaries = (text: string) =>
	new ICAL.Component(ICAL.parse(text))
		.getAllSubcomponents('vevent')
		.map((v) => new ICAL.Event(v).summary);

describe.each([
	{ mode: 'with JavaScript', javaScript: true, email: 'feed-js@example.com' },
	{ mode: 'without JavaScript', javaScript: false, email: 'feed-nojs@example.com' }
])('a client subscribes to their actions in a calendar $mode', ({ javaScript, email }) => {
	const password = 'evening light on the hills';
	let page: Page;
	let what: string;
	let feedUrl: string;
	const feedSection = () => page.locator('section[aria-labelledby="calendar-feed"]');

	beforeAll(async () => {
		expect(
			server.cli(
				'create-user',
				'--email',
				email,
				'--name',
				'Client',
				'--kind',
				'client',
				'--password',
				password
			).status
		).toBe(0);
		page = await (await newContext(browser, javaScript)).newPage();
		await signInThroughForm(page, server.url, email, password);
		await page.goto(server.url + '/actions/new', { waitUntil: 'networkidle' });
		await page
			.getByRole('button', { name: /^Use this idea/ })
			.first()
			.click();
		await page.waitForURL('**/actions/new?suggestion=*');
		what = await page.getByLabel('What will you do?').inputValue();
		await page.getByLabel('With whom?').fill('Sam');
		await page.getByRole('radio', { name: /^Every week/ }).check();
		await page.getByLabel('Day of the week (if you chose every week)').selectOption({ index: 2 });
		await page.getByRole('button', { name: 'Commit to this action' }).click();
		await page.waitForURL('**/actions/*?saved=created*');
	});

	it('makes a private link, shown once, that a calendar app can read', async () => {
		await page.goto(server.url + '/actions', { waitUntil: 'networkidle' });
		await expect.poll(() => feedSection().textContent()).toContain('Make a calendar link');
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Make a calendar link' }).click();
		const field = page.getByLabel('Your calendar link');
		await expect.poll(() => field.count()).toBe(1);
		feedUrl = await field.inputValue();
		expect(feedUrl).toMatch(/^http:\/\/localhost:\d+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
		expect(await feedSection().textContent()).toContain('shows it only this once');
		expect(await feedSection().textContent()).toContain('Google Calendar');
		// "Copy the link" needs a script: shown and working with JavaScript, absent without.
		const copy = page.getByRole('button', { name: 'Copy the link' });
		if (javaScript) {
			await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
			await copy.click();
			await expect
				.poll(() => feedSection().getByRole('status').last().textContent())
				.toBe('Copied.');
			expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(feedUrl);
		} else expect(await copy.isVisible()).toBe(false);
		await expectAccessible(page);

		const res = await fetch(feedUrl);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('text/calendar');
		expect(summaries(await res.text())).toEqual([`${what} (with Sam)`]);

		// Coming back later, the link is not shown again; it can be replaced or turned off.
		await page.goto(server.url + '/actions', { waitUntil: 'networkidle' });
		expect(await page.getByLabel('Your calendar link').count()).toBe(0);
		expect(await feedSection().textContent()).toContain('You have a calendar link, made on');
		await expectAccessible(page);
	});

	it('makes a new link, which turns the old one off', async () => {
		await page.getByRole('button', { name: 'Make a new link' }).click();
		const field = page.getByLabel('Your calendar link');
		await expect.poll(() => field.count()).toBe(1);
		const replaced = feedUrl;
		feedUrl = await field.inputValue();
		expect(feedUrl).not.toBe(replaced);
		expect((await fetch(replaced)).status).toBe(404);
		expect((await fetch(feedUrl)).status).toBe(200);
		await expectAccessible(page);
	});

	it('turns the link off, after which it answers 404 and shows nothing', async () => {
		await page.getByRole('button', { name: 'Turn off the link' }).click();
		await expect
			.poll(() => feedSection().textContent())
			.toContain('Your calendar link is turned off.');
		expect(await feedSection().textContent()).toContain('Make a calendar link');
		await expectAccessible(page);

		const res = await fetch(feedUrl);
		expect(res.status).toBe(404);
		expect(res.headers.get('content-type')).toContain('text/plain');
		const text = await res.text();
		expect(text).toContain('This calendar link does not work');
		expect(text).not.toContain(what);
		expect(server.logs()).not.toContain(new URL(feedUrl).pathname);
	});
});
