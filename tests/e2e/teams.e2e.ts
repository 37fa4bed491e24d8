// A coach makes a team in the browser, invites five people through a real SMTP server, and they
// join (some with JavaScript, some without) and check in; then the map, the network and a
// member's view are read as each of them sees them. axe runs on every page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTORY_PASSWORD, buildCoach } from '../factories/accounts.ts';
import { completeAssessment } from '../factories/assessments.ts';
import {
	expectAccessible,
	launchBrowser,
	newContext,
	signInThroughForm
} from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { linkFrom, startSmtp, type Smtp } from '../support/smtp.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';

let browser: Browser;
let server: RunningServer;
let smtp: Smtp;
let t: TestContext;
const coachEmail = 'rosa.teams@example.com';

// Ben is leaned on by Ana, Chen and Dara; Eli names nobody and nobody names Eli.
const PEOPLE = [
	{ name: 'Ana Ruiz', js: true, reliesOn: ['Ben Cole'], showDot: true, lean: 'alone' },
	{ name: 'Ben Cole', js: false, reliesOn: [], showDot: false, lean: 'leaning' },
	{ name: 'Chen Wu', js: true, reliesOn: ['Ben Cole'], showDot: false, lean: 'alone' },
	{ name: 'Dara Ode', js: false, reliesOn: ['Ben Cole'], showDot: false, lean: 'leaning' },
	{ name: 'Eli Park', js: true, reliesOn: [], showDot: false, lean: 'alone' }
] as const;
const emailOf = (name: string) => `${name.toLowerCase().replace(' ', '.')}@example.com`;

beforeAll(async () => {
	t = await createTestContext('sqlite');
	t.clock.current = new Date();
	await buildCoach(t.ctx, {
		name: 'Rosa Coach',
		email: coachEmail,
		practiceName: 'Harbour Coaching'
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

async function open(javaScript: boolean): Promise<Page> {
	return (await newContext(browser, javaScript)).newPage();
}

async function settled(page: Page) {
	await page.waitForLoadState('networkidle');
	await expectAccessible(page);
}

/** Nothing on the page is wider than a 360 px phone (measured with JavaScript on). */
async function fitsAPhone(page: Page) {
	const before = page.viewportSize();
	await page.setViewportSize({ width: 360, height: 740 });
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, `${page.url()} is wider than a phone`).toBeLessThanOrEqual(360);
	if (before) await page.setViewportSize(before);
}

describe('a team, from creation to its map', () => {
	let coach: Page;
	let teamUrl: string;
	const members = new Map<string, Page>();

	it('lets the coach create the team from the practice page and invite five people', async () => {
		coach = await open(true);
		await signInThroughForm(coach, server.url, coachEmail, FACTORY_PASSWORD);
		await coach.getByRole('link', { name: 'Practice', exact: true }).click();
		await coach.getByRole('link', { name: 'Teams', exact: true }).click();
		await settled(coach);
		// A team needs a name: the form says so and creates nothing.
		await coach.getByRole('button', { name: 'Create the team' }).click();
		await expect
			.poll(() => coach.locator('.field .error').first().textContent())
			.toBe('Give the team a name.');
		await coach.getByLabel('Team name').fill('Platform team');
		await coach.getByLabel('Description (optional)').fill('Keeps the lights on');
		await coach.getByRole('button', { name: 'Create the team' }).click();
		await coach.waitForURL('**/manage?created=1');
		await settled(coach);
		await fitsAPhone(coach);
		for (const person of PEOPLE) {
			await coach.getByLabel('Their name').fill(person.name);
			await coach.getByLabel('Their email').fill(emailOf(person.name));
			await coach.getByRole('button', { name: 'Send the invitation' }).click();
			await expect
				.poll(() => coach.locator('.alert.success').textContent())
				.toContain(`${person.name} is invited`);
		}
		await settled(coach);
		// Inviting the same address twice is refused, with what was typed kept.
		await coach.getByLabel('Their name').fill('Ana again');
		await coach.getByLabel('Their email').fill(emailOf('Ana Ruiz'));
		await coach.getByRole('button', { name: 'Send the invitation' }).click();
		await expect
			.poll(() => coach.locator('#field-email-error').textContent())
			.toContain('still open');
		expect(await coach.getByLabel('Their name').inputValue()).toBe('Ana again');
		// A sixth invitation is sent again (a new link; the first no longer opens), then withdrawn.
		await coach.getByLabel('Their name').fill('Zoe Extra');
		await coach.getByLabel('Their email').fill(emailOf('Zoe Extra'));
		await coach.getByRole('button', { name: 'Send the invitation' }).click();
		await expect
			.poll(() => coach.locator('.alert.success').textContent())
			.toContain('Zoe Extra is invited');
		const first = await smtp.waitFor((m) => m.to.includes(emailOf('Zoe Extra')));
		await coach.getByRole('button', { name: "Send Zoe Extra's invitation again" }).click();
		await expect
			.poll(() => coach.locator('.alert.success').textContent())
			.toContain('A new invitation is on its way to zoe.extra@example.com');
		await expectAccessible(coach);
		const stranger = await open(false);
		await stranger.goto(linkFrom(first, '/teams/join'));
		expect(await stranger.locator('main').textContent()).toContain(
			'We cannot find this invitation'
		);
		await coach.getByRole('button', { name: "Withdraw Zoe Extra's invitation" }).click();
		await expect
			.poll(() => coach.locator('.alert.success').textContent())
			.toContain('The invitation to zoe.extra@example.com is withdrawn');
		expect(await coach.locator('main').textContent()).not.toContain('Zoe Extra (');
		teamUrl = coach.url().replace(/\/manage.*$/, '');
	});

	it('sends each person an email that says who sees what, and they join', async () => {
		for (const person of PEOPLE) {
			const mail = await smtp.waitFor((m) => m.to.includes(emailOf(person.name)));
			if (person === PEOPLE[0]) {
				// Opened while signed in as someone else: said before any click, and no Join button.
				await coach.goto(linkFrom(mail, '/teams/join'));
				expect((await coach.locator('main').textContent())?.replace(/\s+/g, ' ')).toContain(
					`You are signed in as ${coachEmail}, and this invitation was sent to ${emailOf(person.name)}.`
				);
				expect(await coach.getByRole('button', { name: /^Join / }).count()).toBe(0);
				await expectAccessible(coach);
			}
			expect(mail.text).toContain('Before you answer anything, here is who sees what');
			expect(mail.text).toContain('Only the coach who runs the team sees who relies on whom');
			const page = await open(person.js);
			await page.goto(linkFrom(mail, '/teams/join'));
			await settled(page);
			expect(await page.locator('main').textContent()).toContain(
				'Nobody on the team sees your answers'
			);
			await page.getByLabel('Password').fill(FACTORY_PASSWORD);
			await page.getByRole('button', { name: 'Create my account and join' }).click();
			await page.waitForURL('**/teams/*?joined=1');
			await settled(page);
			expect(await page.locator('main').textContent()).toContain('Not enough answers yet');
			members.set(person.name, page);
		}
	});

	it('lets the coach open a check-in, and each member answer it', async () => {
		await coach.goto(`${teamUrl}/manage`);
		await coach.getByRole('button', { name: 'Open a check-in' }).click();
		await expect
			.poll(() => coach.locator('.alert.success').textContent())
			.toContain('Check-in 1 is open');
		await settled(coach);
		// Each member is emailed the link, through SMTP.
		const told = await smtp.waitFor(
			(m) =>
				m.subject === 'Check-in 1 of Platform team is open' && m.to.includes(emailOf('Ana Ruiz'))
		);
		expect(told.text).toContain(`${teamUrl}/check-in`);
		for (const person of PEOPLE) {
			const user = await t.ctx.db
				.selectFrom('users')
				.select('id')
				.where('email', '=', emailOf(person.name))
				.executeTakeFirstOrThrow();
			const lean =
				person.lean === 'alone' ? { DEP: 2, IND: 4, MUT: 3 } : { DEP: 4, IND: 2, MUT: 3 };
			await completeAssessment(t.ctx, {
				userId: user.id,
				practiceId: null,
				lean,
				date: new Date(Date.now() - 60_000)
			});
			const page = members.get(person.name)!;
			// Home says the check-in waits; the result of an assessment leads back to it.
			await page.goto(`${server.url}/home`);
			expect(await page.locator('main').textContent()).toContain(
				'Your team Platform team has a check-in open until'
			);
			const result = await t.ctx.db
				.selectFrom('assessments')
				.select('id')
				.where('user_id', '=', user.id)
				.executeTakeFirstOrThrow();
			await page.goto(`${server.url}/assessment/${result.id}`);
			expect(await page.getByRole('link', { name: 'Back to the check-in' }).count()).toBe(1);
			// From the menu: Your teams, then the team, then Check in.
			await page.getByRole('link', { name: 'Your teams' }).click();
			await page.getByRole('link', { name: 'Check in' }).first().click();
			await settled(page);
			for (const mate of PEOPLE.filter((p) => p.name !== person.name)) {
				const box = page.locator('fieldset.mate', {
					has: page.locator('legend', { hasText: mate.name })
				});
				const level = (person.reliesOn as readonly string[]).includes(mate.name)
					? 'often'
					: 'never';
				await box.locator('fieldset.question').nth(0).locator(`input[value="${level}"]`).check();
				await box.locator('fieldset.question').nth(1).locator('input[value="never"]').check();
				await box.locator('fieldset.question').nth(2).locator('input[value="never"]').check();
			}
			if (person.js) await fitsAPhone(page);
			if (person.showDot) await page.getByLabel(/Show my dot with my name/).check();
			await page.getByRole('button', { name: 'Finish my check-in' }).click();
			await expect
				.poll(() => page.locator('.alert.success').textContent())
				.toContain('You have checked in');
			await settled(page);
		}
	});

	it('shows the coach the map with only Ana named, and the network flags Eli and Ben', async () => {
		await coach.goto(teamUrl);
		await settled(coach);
		const stands = await coach.locator('main').textContent();
		expect(stands).toContain('5 people checked in');
		// Only Ana agreed to be named: her name is on the spread; the others are only counted there.
		const spread = coach.locator('section[aria-label="Overall"]');
		expect(await spread.textContent()).toContain('Ana Ruiz');
		for (const other of ['Ben Cole', 'Chen Wu', 'Dara Ode', 'Eli Park'])
			expect(await spread.textContent()).not.toContain(other);
		const network = coach.locator('section[aria-labelledby="network-title"]');
		expect(await network.textContent()).toContain('Eli Park has no reliance ties');
		expect(await network.textContent()).toMatch(
			/routes between two teammates pass through Ben Cole/
		);
		expect(await network.locator('svg title').textContent()).toBe(
			'Who relies on whom in Platform team'
		);
	});

	it('shows a member the team’s figures and their own place once the check-in closes, and not the network', async () => {
		const chen = members.get('Chen Wu')!;
		// While it is open, no map of it: it would move with each person who checks in.
		await chen.goto(teamUrl);
		await settled(chen);
		const open = (await chen.locator('main').textContent())!;
		expect(open).toContain('The map of check-in 1 shows once it closes');
		expect(open).not.toContain('Your place');
		expect(open).not.toContain('Ana Ruiz');

		await coach.goto(`${teamUrl}/manage`);
		await coach.getByRole('button', { name: 'Close it now' }).click();
		await settled(coach);
		await chen.goto(teamUrl);
		await settled(chen);
		const text = (await chen.locator('main').textContent())!;
		expect(text).toContain('Your place');
		expect(text).toMatch(/No ties either way\s*1/);
		expect(text).not.toContain('Who relies on whom');
		expect(text).not.toContain('Eli Park');
		expect(text).not.toContain('Dara Ode');
	});
});
