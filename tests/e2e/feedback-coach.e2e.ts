import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageJavaScript } from '../../bench/page-js.ts';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/seed-demo.ts';
import { useApp } from '../support/app.ts';
import { expectAccessible, newContext, signInThroughForm } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';

/**
 * Issue 11 in the demo practice, in Chromium with and without JavaScript: Rosa suggests a round
 * to Chen, who says "not now"; Amara's shared round with its files; the rater form's figures on
 * the instrument page; and the feedback pages ship no JavaScript.
 */
const app = useApp();
let browser: Browser, server: RunningServer;
beforeAll(() => void ({ browser, server } = app));

async function signedIn(email: string, javaScript: boolean): Promise<Page> {
	const page = await (await newContext(browser, javaScript)).newPage();
	await signInThroughForm(page, server.url, email, DEMO_PASSWORD);
	return page;
}

/** Nothing on the page is wider than a 360 px phone. */
async function fitsAPhone(page: Page) {
	await page.setViewportSize({ width: 360, height: 740 });
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, `${page.url()} is wider than a phone`).toBeLessThanOrEqual(360);
}

describe('feedback rounds in the demo practice', () => {
	let rosa: Page;
	let chenPage: string;

	it('fills Midpoint with the demo practice', async () => {
		const page = await (await newContext(browser, false)).newPage();
		await page.goto(server.url + '/');
		await page.getByRole('button', { name: 'Fill it with a demo practice' }).click();
		await expect.poll(() => page.locator('h1').textContent()).toBe('The demo practice is ready');
	});

	it('lets Rosa suggest a round to Chen from his page (JavaScript off)', async () => {
		rosa = await signedIn('rosa@demo.midpoint.local', false);
		await rosa.getByRole('link', { name: 'Open the practice' }).click();
		await rosa.getByRole('link', { name: 'Chen Li' }).first().click();
		chenPage = rosa.url();
		const section = rosa.locator('section[aria-labelledby="others-view"]');
		expect(await section.textContent()).toContain('Chen shares no feedback round with you.');
		await rosa.getByRole('button', { name: 'Suggest a feedback round' }).click();
		await expect.poll(() => section.textContent()).toContain('Suggested. Chen decides.');
		expect(await section.textContent()).toContain("you won't see who they ask");
		expect(await rosa.getByRole('button', { name: 'Suggest a feedback round' }).count()).toBe(0);
		await expectAccessible(rosa);
	});

	it('shows Chen the suggestion, and "not now" answers it (JavaScript on)', async () => {
		const chen = await signedIn('chen@demo.midpoint.local', true);
		await chen
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'How others see you' })
			.click();
		await chen.waitForURL('**/feedback');
		const card = chen.locator('section[aria-labelledby="suggested"]');
		expect(await card.textContent()).toContain('Rosa');
		expect(await card.textContent()).toContain('your coach never sees who');
		await expectAccessible(chen);
		await fitsAPhone(chen);
		expect(pageJavaScript(await chen.content()).gzipBytes).toBe(0);
		await chen.getByRole('button', { name: 'Not now' }).click();
		await expect.poll(() => chen.locator('main').textContent()).toContain('Noted.');
		expect(await card.count()).toBe(0);
		await expectAccessible(chen);

		await rosa.goto(chenPage);
		expect(await rosa.getByRole('button', { name: 'Suggest a feedback round' }).count()).toBe(1);
	});

	it("shows Rosa Amara's shared round, with its files, and nothing of the family group", async () => {
		await rosa.getByRole('link', { name: 'Back to the practice' }).click();
		await rosa.getByRole('link', { name: 'Amara Osei' }).first().click();
		await rosa.getByRole('link', { name: /^Feedback round of / }).click();
		await rosa.waitForURL('**/feedback/*');
		expect(await rosa.locator('h1').textContent()).toBe('How others see your client');
		expect(await rosa.locator('section[aria-labelledby="domain-FAM"]').textContent()).toContain(
			'Fewer than three people answered here, so this group is not shown'
		);
		const friends = rosa.locator('section[aria-labelledby="domain-FRI"]');
		expect(await friends.locator('svg title').textContent()).toBe(
			'Friends: your client and how 4 others see them'
		);
		// Written to the coach about their client, not to the client (the client's own words
		// say "you" and "your friends"); dates as everywhere else in Midpoint.
		const words = (await friends.textContent()) ?? '';
		expect(words).toMatch(/Their friends see your client/);
		expect(words).not.toMatch(/\bsee you\b|\byour friends\b|\byourself\b/);
		expect(await rosa.locator('p.lead').textContent()).toMatch(
			/^\s*Round of \d{1,2} \w{3,4} \d{4}, closed\s+\d{1,2} \w{3,4} \d{4}\.\s*$/
		);
		await expectAccessible(rosa);
		for (const name of ['PDF', 'CSV', 'JSON']) {
			const href = await rosa.getByRole('link', { name, exact: true }).getAttribute('href');
			const res = await rosa.request.get(server.url + href);
			expect(res.status(), name).toBe(200);
		}
	});

	it('shows Amara her open round and her released one; the pages ship no JavaScript', async () => {
		const amara = await signedIn('amara@demo.midpoint.local', false);
		await amara.goto(server.url + '/feedback');
		expect(await amara.locator('ul.domains').textContent()).toMatch(
			/Friends:\s*3 asked · enough answers to show after the close/
		);
		await expectAccessible(amara);
		expect(pageJavaScript(await amara.content()).gzipBytes).toBe(0);
		await amara.getByRole('link', { name: /^Round of / }).click();
		await amara.waitForURL('**/feedback/*');
		expect(await amara.locator('main').textContent()).toContain('In their own words');
		await expectAccessible(amara);
		expect(pageJavaScript(await amara.content()).gzipBytes).toBe(0);
		const rater = await (await newContext(browser, true)).newPage();
		await rater.goto(server.url + '/rate/not-a-real-link');
		expect(await rater.locator('h1').textContent()).toBe('This link cannot be used');
		expect(pageJavaScript(await rater.content()).gzipBytes).toBe(0);
		await expectAccessible(rater);
	});

	it('shows Rosa the rater form figures on the instrument page (JavaScript off)', async () => {
		await rosa.goto(chenPage.replace(/\/clients\/.*$/, '/instrument'));
		const main = rosa.locator('main');
		expect(await main.textContent()).toContain('The form people fill in about a client');
		expect(await rosa.locator('caption', { hasText: 'Friends · Relying on others' }).count()).toBe(
			2
		);
		expect(await main.textContent()).toContain('raters who answered all six lines');
		await expectAccessible(rosa);
	});
});
