import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/lib/server/context.ts';
import { buildClient, buildCoach, FACTORY_PASSWORD } from '../factories/accounts.ts';
import { useApp } from '../support/app.ts';
import { expectAccessible, newContext, signInThroughForm } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';
import { inServerDb } from '../support/server-db.ts';

const app = useApp();
let browser: Browser, server: RunningServer;
beforeAll(() => void ({ browser, server } = app));

const DAY = 24 * 3600_000;

/** Work in the server's own database: build people, or move time (the served app reads the real clock). */
const inServer = <T>(run: (ctx: AppContext) => Promise<T>) => inServerDb(server, run);

/** The test's fake clock: every stored moment of the client's program moves `days` into the past. */
async function travel(clientId: string, days: number) {
	const back = (iso: string) => new Date(new Date(iso).getTime() - days * DAY).toISOString();
	await inServer(async ({ db }) => {
		const enrolments = await db
			.selectFrom('enrolments')
			.selectAll()
			.where('user_id', '=', clientId)
			.execute();
		for (const e of enrolments) {
			await db
				.updateTable('enrolments')
				.set({
					start_at: back(e.start_at),
					created_at: back(e.created_at),
					last_activity_at: back(e.last_activity_at)
				})
				.where('id', '=', e.id)
				.execute();
			const steps = await db
				.selectFrom('enrolment_steps')
				.selectAll()
				.where('enrolment_id', '=', e.id)
				.execute();
			for (const s of steps)
				await db
					.updateTable('enrolment_steps')
					.set({ completed_at: back(s.completed_at) })
					.where('enrolment_id', '=', e.id)
					.where('step_id', '=', s.step_id)
					.execute();
		}
	});
}

async function submit(page: Page, name: string | RegExp) {
	await page.getByRole('button', { name }).click();
	await page.waitForLoadState('networkidle');
}

/** A locator's text with its white space folded, as a reader sees it. */
async function textOf(page: Page, selector: string): Promise<string> {
	return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ');
}

/** Adds a step through the builder's two plain forms: choose the kind, then fill it in. */
async function addStep(page: Page, kind: string, fill: (page: Page) => Promise<void>) {
	await page.getByLabel('Kind of step').selectOption({ label: kind });
	await submit(page, 'Choose');
	await fill(page);
	await submit(page, 'Add the step');
}

/** The focused element's text, read without running the page's own scripts. */
async function focusedText(page: Page): Promise<string> {
	return page
		.locator('*:focus')
		.first()
		.textContent()
		.then((t) => t ?? '');
}

/** Nothing on the page is wider than a 360 px phone (measured with JavaScript on). */
async function fitsAPhone(page: Page, javaScript: boolean) {
	if (!javaScript) return;
	const before = page.viewportSize();
	await page.setViewportSize({ width: 360, height: 740 });
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, `${page.url()} is wider than a phone`).toBeLessThanOrEqual(360);
	if (before) await page.setViewportSize(before);
}

async function expectSaved(page: Page, words: string) {
	expect(await textOf(page, '[role=status]')).toContain(words);
}

describe.each([true, false])('programs, JavaScript %s', (javaScript) => {
	const tag = javaScript ? 'js' : 'nojs';
	let clientId = '';
	let practiceId = '';
	beforeAll(async () => {
		await inServer(async (ctx) => {
			const coach = await buildCoach(ctx, {
				name: 'Rosa Delgado',
				email: `rosa-${tag}@example.com`
			});
			practiceId = coach.practiceId;
			clientId = (
				await buildClient(ctx, { coach, name: 'Amara Osei', email: `amara-${tag}@example.com` })
			).userId;
		});
	});

	it('builds a four-step program, enrols a client, opens step 2 three days on, keeps v1 until moved, and flags a late step', async () => {
		const coach = await (await newContext(browser, javaScript)).newPage();
		await signInThroughForm(coach, server.url, `rosa-${tag}@example.com`, FACTORY_PASSWORD);
		await coach.goto(`${server.url}/practices/${practiceId}`, { waitUntil: 'networkidle' });
		await coach.getByRole('link', { name: 'Programs', exact: true }).click();
		await coach.waitForLoadState('networkidle');
		await expectAccessible(coach);

		await coach.getByLabel('Title').fill('Steady steps');
		await submit(coach, 'Create the program');
		expect(await coach.locator('h1').textContent()).toBe('Steady steps');
		await expectAccessible(coach);

		await addStep(coach, 'Reading', async (p) => {
			await p.getByLabel('Step title').fill('Why the middle');
			await p.getByLabel('Right away, from the start').check();
			await p
				.getByLabel(/^Reading \(Markdown/)
				.fill('Lean on others *and* let them lean on you. <b>not bold</b>');
		});
		// Raw HTML in a reading is refused, with what was typed kept.
		expect(await coach.getByRole('alert').textContent()).toContain('raw HTML');
		expect(await coach.getByLabel(/^Reading \(Markdown/).inputValue()).toContain('<b>not bold</b>');
		await coach
			.getByLabel(/^Reading \(Markdown/)
			.fill('Lean on others *and* let them lean on you.');
		await submit(coach, 'Add the step');
		await expectSaved(coach, 'Step added.');
		await addStep(coach, 'Check-in question', async (p) => {
			await p.getByLabel('Step title').fill('How was it');
			await p.getByLabel('Some days after the step before is done').check();
			await p.getByLabel(/^Days \(for the two/).fill('3');
			await p.getByLabel('Question for the client').fill('What stayed with you?');
		});
		await expectSaved(coach, 'Step added.');
		await addStep(coach, 'Reflection prompts', async (p) => {
			await p.getByLabel('Step title').fill('Patterns');
			await p.getByLabel('Introduction').fill('Look at when you ask and when you wait.');
			await p
				.getByLabel('Prompts for everyone')
				.fill('When did you last ask for help? | Think of this week');
		});
		await expectSaved(coach, 'Step added.');
		await addStep(coach, 'Action suggestions', async (p) => {
			await p.getByLabel('Step title').fill('Try one');
			await p.getByLabel('Introduction').fill('Pick one idea and do it this week.');
		});
		await expectSaved(coach, 'Step added.');
		// Reorder from the keyboard: move "Try one" up, then back down.
		await coach.getByRole('button', { name: 'Move up “Try one”' }).focus();
		await Promise.all([coach.waitForURL(/saved=moved/), coach.keyboard.press('Enter')]);
		await coach.waitForLoadState('networkidle');
		await expect
			.poll(() => coach.locator('.steps h3').allTextContents())
			.toEqual(['Why the middle', 'How was it', 'Try one', 'Patterns']);
		// The page comes back with focus on the button just used, with or without JavaScript.
		expect(await focusedText(coach)).toMatch(/^Move up\s+“Try one”$/);
		await coach.getByRole('button', { name: 'Move down “Try one”' }).click();
		await coach.waitForLoadState('networkidle');
		await expect
			.poll(() => coach.locator('.steps h3').allTextContents())
			.toEqual(['Why the middle', 'How was it', 'Patterns', 'Try one']);
		// At the bottom "Move down" is disabled, so focus moves to "Move up" of the same step.
		expect(await focusedText(coach)).toMatch(/^Move up\s+“Try one”$/);
		await expectAccessible(coach);
		await fitsAPhone(coach, javaScript);

		await coach.getByRole('link', { name: 'Preview as a client sees it' }).click();
		await coach.waitForLoadState('networkidle');
		expect(await coach.locator('.reading em').textContent()).toBe('and');
		expect(await textOf(coach, 'main')).toContain('3 days after “Why the middle” is done');
		await expectAccessible(coach);
		await coach.goBack({ waitUntil: 'networkidle' });

		await submit(coach, 'Publish version 1');
		await expectSaved(coach, 'Published as version 1');
		// Nothing to publish again until something changes; the author copies, not "makes it theirs".
		expect(await coach.getByRole('button', { name: /^Publish version/ }).count()).toBe(0);
		expect(await textOf(coach, '#publish-heading + p')).toContain(
			'No changes since. Once you change something, you can publish it as version 2.'
		);
		expect(await coach.getByRole('button', { name: 'Make a copy' }).count()).toBe(1);
		// A start too far back is refused, and Amara stays ticked for the second try.
		await coach.getByLabel('Amara Osei').check();
		await coach.getByLabel('Start date').fill('2019-01-01');
		await submit(coach, 'Enrol');
		expect(await textOf(coach, '#enrol')).toContain('Pick a start no more than 30 days ago.');
		expect(await coach.getByLabel('Amara Osei').isChecked()).toBe(true);
		expect(await coach.getByLabel('Start date').inputValue()).toBe('2019-01-01');
		await coach.getByLabel('Start date').fill(new Date().toISOString().slice(0, 10));
		await submit(coach, 'Enrol');
		await expectSaved(coach, 'Enrolled 1.');
		await expectAccessible(coach);

		// The client sees step 1 on their home page, does it, and waits three days for step 2.
		const client = await (await newContext(browser, javaScript)).newPage();
		await signInThroughForm(client, server.url, `amara-${tag}@example.com`, FACTORY_PASSWORD);
		const card = await textOf(client, 'section:has(#program-heading)');
		expect(card).toContain('Now: step 1, “Why the middle”');
		expect(card).toContain('Next: step 2, “How was it”, 3 days after you finish “Why the middle”');
		await expectAccessible(client);
		await client.getByRole('link', { name: 'Open your program' }).click();
		await client.waitForLoadState('networkidle');
		expect(await client.locator('.reading').innerHTML()).toContain('<em>and</em>');
		await expectAccessible(client);
		await fitsAPhone(client, javaScript);
		await submit(client, 'Mark this step done');
		expect(await textOf(client, 'main')).toMatch(/Step 2: How was it ?This step opens on/);

		await travel(clientId, 3);
		await client.reload({ waitUntil: 'networkidle' });
		expect(await client.getByLabel('What stayed with you?').count()).toBe(1);

		// Version 2 rewrites step 2; Amara stays on version 1 until Rosa moves her.
		await coach.getByRole('link', { name: 'Edit “How was it”' }).click();
		await coach.waitForLoadState('networkidle');
		await coach.getByLabel('Step title').fill('How did it go');
		await submit(coach, 'Save the step');
		await submit(coach, 'Publish version 2');
		await client.reload({ waitUntil: 'networkidle' });
		expect(await client.locator('h2#current-heading').textContent()).toBe('Step 2: How was it');
		await coach.goto(`${server.url}/practices/${practiceId}/clients/${clientId}/program`, {
			waitUntil: 'networkidle'
		});
		expect(await textOf(coach, 'main')).toContain('Step rewritten: “How did it go”');
		await expectAccessible(coach);
		await submit(coach, 'Move them to version 2');
		await client.reload({ waitUntil: 'networkidle' });
		expect(await client.locator('h2#current-heading').textContent()).toBe('Step 2: How did it go');

		// Ten days after step 2 opened it is three days past due: the roster says at risk.
		await travel(clientId, 10);
		await coach.goto(`${server.url}/practices/${practiceId}`, { waitUntil: 'networkidle' });
		const row = coach.getByRole('row', { name: /Amara Osei/ });
		expect(await row.textContent()).toContain('At risk');
		expect(await row.textContent()).toContain('step 2 of 4');
		await expectAccessible(coach);
		await coach.context().close();
		await client.context().close();
	}, 180_000);
});
