import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTORY_PASSWORD, buildClient } from '../factories/accounts.ts';
import { completeAssessment } from '../factories/assessments.ts';
import {
	expectAccessible,
	launchBrowser,
	newContext,
	signInThroughForm
} from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { linkFrom, startSmtp } from '../support/smtp.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';

let browser: Browser;
let server: RunningServer;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestContext;
let email: string;

beforeAll(async () => {
	t = await createTestContext('sqlite');
	t.clock.current = new Date();
	const person = await buildClient(t.ctx, { name: 'Leila Haddad' });
	email = person.email;
	// Leila sees herself as going it alone (DEP 2, IND 4): her own dot sits at −50 in every group.
	await completeAssessment(t.ctx, {
		userId: person.userId,
		practiceId: null,
		lean: { DEP: 2, IND: 4, MUT: 3 },
		date: new Date(Date.now() - 86_400_000)
	});
	smtp = await startSmtp();
	server = await startServer({ env: { ...t.serverEnv, SMTP_URL: smtp.url } });
	browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	await smtp?.stop();
	await t?.dispose();
});

/** Nothing on the page is wider than a 360 px phone (needs JavaScript on the page). */
async function fitsAPhone(page: Page) {
	const before = page.viewportSize();
	await page.setViewportSize({ width: 360, height: 740 });
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, `${page.url()} is wider than a phone`).toBeLessThanOrEqual(360);
	if (before) await page.setViewportSize(before);
}

/** A rater opens their link, answers every line with `point`, and sends the form. */
async function answerAll(link: string, javaScript: boolean, comment: string, checkErrors = false) {
	const page: Page = await (await newContext(browser, javaScript)).newPage();
	await page.goto(link, { waitUntil: 'networkidle' });
	await expectAccessible(page);
	expect(await page.locator('h1').textContent()).toBe('How do you see Leila?');
	expect(await page.locator('main').textContent()).not.toContain('Haddad');
	if (javaScript) await fitsAPhone(page);
	if (checkErrors) {
		await page.getByRole('button', { name: 'Save and continue' }).click();
		await expect
			.poll(() => page.locator('fieldset p.error').first().textContent())
			.toBe('Choose an answer, or "I can\'t say".');
		await expectAccessible(page);
	}
	for (const label of ['Save and continue', 'Send my answers']) {
		const lines = page.locator('fieldset.item');
		await expect.poll(() => lines.count()).toBeGreaterThan(8);
		const count = await lines.count();
		for (let i = 0; i < count; i++) await lines.nth(i).locator('input[value="4"]').check();
		if (label === 'Send my answers') {
			await page.getByLabel('Anything you would like to add? (optional)').fill(comment);
			if (checkErrors) {
				// Back to page 1 and forward again: the answers and the comment are still there.
				await page.getByRole('button', { name: 'Back to page 1' }).click();
				await page.waitForURL('**?page=1');
				await page.getByRole('button', { name: 'Save and continue' }).click();
				await page.waitForURL('**?page=2');
				expect(await page.locator('fieldset.item input[value="4"]:checked').count()).toBe(count);
				expect(
					await page.getByLabel('Anything you would like to add? (optional)').inputValue()
				).toBe(comment);
			}
		}
		await page.getByRole('button', { name: label }).click();
		if (label === 'Save and continue') await page.waitForURL('**?page=2');
	}
	await expect.poll(() => page.locator('h1').textContent()).toBe('Thank you');
	await expectAccessible(page);
	await page.context().close();
}

// One journey in three steps (each with its own time budget), sharing the client's page.
describe('how others see you: 3 friends and 2 family asked by email', () => {
	let client: Page;
	const links = new Map<string, string>();

	it('opens a round from the menu in two clicks, refusing her own address', async () => {
		client = await (await newContext(browser, true)).newPage();
		await signInThroughForm(client, server.url, email, FACTORY_PASSWORD);
		await client
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'How others see you' })
			.click();
		await client.waitForURL('**/feedback');
		await expectAccessible(client);
		await client.getByRole('link', { name: 'Ask people how they see you' }).click();
		await client.waitForURL('**/feedback/new');
		await expectAccessible(client);
		await fitsAPhone(client);

		// Her own address is refused, with what she typed kept.
		await client.getByLabel('Name (1)').first().fill('Me');
		await client.getByLabel('Email (1)').first().fill(email);
		await client.getByRole('button', { name: 'Send the requests' }).click();
		await expect
			.poll(() => client.locator('#field-FAM-0-email-error').textContent())
			.toContain('That is your own address');
		expect(await client.getByLabel('Name (1)').first().inputValue()).toBe('Me');
		await expectAccessible(client);

		const people = [
			['FAM-0', 'Mina', 'mina@example.com'],
			['FAM-1', 'Omar', 'omar@example.com'],
			['FRI-0', 'Sam', 'sam@example.com'],
			['FRI-1', 'Jo', 'jo@example.com'],
			['FRI-2', 'Kit', 'kit@example.com']
		];
		for (const [field, name, address] of people) {
			await client.locator(`#field-${field}-name`).fill(name!);
			await client.locator(`#field-${field}-email`).fill(address!);
		}
		await client.getByRole('button', { name: 'Send the requests' }).click();
		await client.waitForURL('**/feedback?opened=1');
		expect(await client.locator('main').textContent()).toContain('Your open round');
		await expectAccessible(client);
		// One round at a time: a second one is refused before the form is filled, not after.
		await client.goto(server.url + '/feedback/new');
		expect(await client.locator('main').textContent()).toContain('You already have a round open.');
		expect(await client.locator('form.form').count()).toBe(0);
		await expectAccessible(client);
		await client.getByRole('link', { name: 'See your open round' }).click();
		await client.waitForURL('**/feedback');
	});

	it('emails each person their own link', async () => {
		for (const address of ['mina', 'omar', 'sam', 'jo', 'kit'].map((n) => `${n}@example.com`)) {
			const mail = await smtp.waitFor((m) => m.to.includes(address));
			expect(mail.subject).toBe('Leila asked how you see them');
			links.set(address, linkFrom(mail, '/rate'));
		}
		expect(new Set(links.values()).size).toBe(5);
	});

	// Each rater in a step of their own: answering 19 lines is slow on a loaded machine.
	const raters: [string, boolean, string, boolean?][] = [
		['sam', false, 'Always the first to offer a hand.', true],
		['jo', true, 'Hard to help, easy to ask.'],
		['kit', false, 'A steady friend.'],
		['mina', true, 'MARK family words'],
		['omar', false, 'MARK more family words']
	];
	for (const [name, javaScript, comment, checkErrors] of raters) {
		it(`${name} answers without an account (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
			await answerAll(links.get(`${name}@example.com`)!, javaScript, comment, checkErrors);
		});
	}

	it('after the close shows friends against her own view, and family as not enough answers yet', async () => {
		await client.reload();
		const status = await client.locator('ul.domains').textContent();
		expect(status).toMatch(/Family:\s*2 asked · not enough answers yet/);
		expect(status).toMatch(/Friends:\s*3 asked · enough answers to show after the close/);
		// Not without saying yes: those who have not answered can answer no more.
		await client.getByRole('button', { name: 'Close the round now' }).click();
		await expect
			.poll(() => client.locator('#close-confirm-error').textContent())
			.toContain('Tick the box to close the round');
		await expectAccessible(client);
		await client.getByRole('checkbox', { name: 'Yes, close it now' }).check();
		await client.getByRole('button', { name: 'Close the round now' }).click();
		// Straight to what can be shown.
		await client.waitForURL('**/feedback/*?closed=1');
		expect(await client.locator('main').textContent()).toContain(
			'The round is closed. Here is what can be shown.'
		);
		// Closed early, today: never a closing day before the day it opened.
		const today = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
		expect((await client.locator('p.lead').textContent())?.replace(/\s+/g, ' ')).toContain(
			`closed ${today.format(new Date())}.`
		);
		const friends = client.locator('section[aria-labelledby="domain-FRI"]');
		expect(await friends.locator('svg title').textContent()).toBe(
			'Friends: you and how 3 others see you'
		);
		expect(await friends.locator('line.arrow').count()).toBe(1);
		expect(await friends.textContent()).toContain('Try this:');
		expect(await client.locator('section[aria-labelledby="domain-FAM"]').textContent()).toContain(
			'Fewer than three people answered here, so this group is not shown'
		);
		await fitsAPhone(client);
		const main = await client.locator('main').textContent();
		expect(main).toContain('A steady friend.');
		// Only shown groups' comments are here, and the page says so.
		expect(main).toContain('From the groups shown above, mixed in random order, with no names.');
		expect(main).not.toContain('MARK');
		await expectAccessible(client);

		// The same link, once used, shows a friendly page.
		const again = await (await newContext(browser, false)).newPage();
		await again.goto(links.get('sam@example.com')!);
		expect(await again.locator('h1').textContent()).toBe('This link cannot be used');
		await expectAccessible(again);
	});
});
