import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, newContext, signInThroughForm } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';
import { useApp } from '../support/app.ts';

const app = useApp();
let browser: Browser, server: RunningServer;
beforeAll(() => void ({ browser, server } = app));

/** Days are UTC dates for now (see src/lib/domain/actions/dates.ts). */
function utcDay(offset: number): string {
	return new Date(Date.now() + offset * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

async function mainText(page: Page) {
	return (await page.locator('main').textContent()) ?? '';
}

describe.each([
	{ mode: 'with JavaScript', javaScript: true, email: 'amara@example.com' },
	{ mode: 'without JavaScript', javaScript: false, email: 'bruno@example.com' }
])('a client commits to an action and reports back $mode', ({ javaScript, email }) => {
	let page: Page;
	let actionPath: string;
	let what: string;

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
				'tall grass, low clouds'
			).status
		).toBe(0);
		page = await (await newContext(browser, javaScript)).newPage();
		await signInThroughForm(page, server.url, email, 'tall grass, low clouds');
	});

	it('picks a suggestion, is told about a past date with the form kept, and commits', async () => {
		await page.getByRole('link', { name: 'Choose an action' }).first().click();
		await page.waitForURL('**/actions/new');
		await expectAccessible(page);
		expect(
			await page.getByRole('button', { name: /^Use this idea/ }).count()
		).toBeGreaterThanOrEqual(3);
		// The person starts in the form, then takes an idea after all: nothing they typed is lost.
		await page.getByLabel('What will you do?').fill('Ring my brother about the weekend');
		await page.getByLabel('With whom?').fill('Sam');
		await page
			.getByRole('button', { name: /^Use this idea/ })
			.first()
			.click();
		await page.waitForURL('**/actions/new?suggestion=*');
		const firstIdea = await page.getByLabel('What will you do?').inputValue();
		// A second idea after all: the person's own words are still there to take back.
		await page
			.getByRole('button', { name: /^Use this idea/ })
			.nth(1)
			.click();
		await expect.poll(() => page.getByLabel('What will you do?').inputValue()).not.toBe(firstIdea);
		what = await page.getByLabel('What will you do?').inputValue();
		expect(what.length).toBeGreaterThan(20);
		expect(what).not.toBe('Ring my brother about the weekend');
		expect(await page.getByLabel('With whom?').inputValue()).toBe('Sam');
		expect(await mainText(page)).toContain('We filled in the idea you chose.');
		expect(await mainText(page)).toContain('Ring my brother about the weekend');
		expect(await page.locator('input[name="kind"]:checked').count()).toBe(1);
		expect(await page.locator('input[name="domain"]:checked').count()).toBe(1);
		await expectAccessible(page);

		// Which idea comes first changes with the week: the person makes it one done together.
		await page.getByRole('radio', { name: /^Do it together/ }).check();
		await page.getByRole('radio', { name: /^By a date/ }).check();
		await page.getByLabel('Date (if you chose a date)').fill(utcDay(-1));
		await page.getByRole('button', { name: 'Commit to this action' }).click();
		await expect
			.poll(() => page.locator('#field-dueOn-error').textContent())
			.toContain('already passed');
		// Nothing typed is lost.
		expect(await page.getByLabel('What will you do?').inputValue()).toBe(what);
		expect(await page.getByLabel('With whom?').inputValue()).toBe('Sam');
		await expectAccessible(page);

		await page.getByLabel('Date (if you chose a date)').fill(utcDay(2));
		await page.getByRole('button', { name: 'Commit to this action' }).click();
		await page.waitForURL('**/actions/*?saved=created*');
		actionPath = new URL(page.url()).pathname;
		expect(await page.locator('h1').textContent()).toBe(what);
		expect(await mainText(page)).toContain('Your next report-back opens on');
		await expectAccessible(page);
	});

	it('moves the date to today and sees the report-back due, on the home page too', async () => {
		await page.getByLabel('Date (if by a date)').fill(utcDay(0));
		await page.getByRole('button', { name: 'Save the new plan' }).click();
		await page.waitForURL('**/actions/*?saved=moved*');
		await expect.poll(() => mainText(page)).toContain('is ready. Say how it went.');
		await expectAccessible(page);

		await page.goto(server.url + '/home');
		await expect.poll(() => mainText(page)).toContain('Report-backs due: 1');
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Report back', exact: true }).click();
		await page.waitForURL('**/actions');
		await expectAccessible(page);
		const reportLink = page.locator(`a[href="${actionPath}#report"]`);
		expect(await reportLink.textContent()).toBe(`Report back: ${what}`);
		await reportLink.click();
		await page.waitForURL(`**${actionPath}#report`);
	});

	it('reports back and sees it in the history', async () => {
		await page.getByRole('button', { name: 'Save my report-back' }).click();
		await expect
			.poll(() => page.locator('#outcome-error').textContent())
			.toContain('Choose done, partly or not yet.');
		await expectAccessible(page);

		await page.getByRole('radio', { name: 'Done', exact: true }).check();
		await page
			.getByLabel('What happened?')
			.fill('Sam said yes straight away, and we finished it together in half the time.');
		await page.getByRole('radio', { name: '4: Mostly mutual' }).check();
		await page.getByRole('radio', { name: 'Better than going it alone' }).check();
		await page.getByLabel('A number (optional)').fill('15');
		await page.getByLabel('What it counts').fill('minutes saved');
		await page.getByRole('button', { name: 'Save my report-back' }).click();
		await page.waitForURL('**/actions/*?saved=report*');
		const history = page.locator('ol.history li');
		expect(await history.count()).toBe(1);
		expect(await history.first().textContent()).toContain('Done');
		expect(await history.first().textContent()).toContain('in half the time');
		expect(await history.first().textContent()).toContain('15 minutes saved');
		expect(await mainText(page)).toContain('You have reported on this one.');
		await expectAccessible(page);

		// Changing the report updates it rather than adding a second one.
		await page.getByRole('link', { name: /^Change this report-back/ }).click();
		await page.getByRole('radio', { name: 'Partly', exact: true }).check();
		await page.getByRole('button', { name: 'Save my report-back' }).click();
		await page.waitForURL('**/actions/*?saved=report*');
		expect(await history.count()).toBe(1);
		expect(await history.first().textContent()).toContain('Partly');

		// Through the menu: with JavaScript this is a navigation in the page, which must draw the
		// same charts as a full load.
		await page.getByRole('link', { name: 'Home', exact: true }).click();
		await page.waitForURL('**/home');
		await expect.poll(() => mainText(page)).toContain('Report-backs due: 0');
		// The rhythm charts count it: one thing done together.
		expect(await mainText(page)).toContain(
			'Over the last 12 weeks you asked 0 times, offered 0 times and did one thing together.'
		);
		expect(await page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(3);
		await expectAccessible(page);
	});
});

describe('privacy of actions', () => {
	it("answers another person's action with 404", async () => {
		expect(
			server.cli(
				'create-user',
				'--email',
				'peek@example.com',
				'--name',
				'Peek',
				'--kind',
				'client',
				'--password',
				'curious cats everywhere'
			).status
		).toBe(0);
		const owner = await (await newContext(browser, true)).newPage();
		await signInThroughForm(owner, server.url, 'amara@example.com', 'tall grass, low clouds');
		await owner.goto(server.url + '/actions');
		const href = await owner.locator('.action-list a').first().getAttribute('href');

		const peek = await (await newContext(browser, true)).newPage();
		await signInThroughForm(peek, server.url, 'peek@example.com', 'curious cats everywhere');
		const res = await peek.goto(server.url + href!);
		expect(res?.status()).toBe(404);
		expect(await peek.locator('main').textContent()).not.toContain('Sam');
	});
});
