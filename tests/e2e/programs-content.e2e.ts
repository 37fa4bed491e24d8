import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMembership } from '../../src/lib/server/practices/repository.ts';
import { buildClient, buildCoach, FACTORY_PASSWORD } from '../factories/accounts.ts';
import { fourSteps, practice } from '../factories/programs.ts';
import { useApp } from '../support/app.ts';
import { expectAccessible, newContext, signInThroughForm } from '../support/browser.ts';
import { HttpClient } from '../support/http.ts';
import type { RunningServer } from '../support/server.ts';
import { inServerDb } from '../support/server-db.ts';

/**
 * A coach's own prompts and ideas reach the client (decision 0038): the coach writes a prompt
 * and, with the builder's idea form, an action idea; the enrolled client finds the prompt in
 * the journal's new-entry form and the idea on the new-action form.
 */
const app = useApp();
let browser: Browser, server: RunningServer;
beforeAll(() => void ({ browser, server } = app));

const PROMPT = 'Who did you lean on this week, and how did it feel?';
const IDEA = 'Ask your neighbour to water the plants while you are away.';

async function go(page: Page, act: () => Promise<unknown>) {
	await act();
	await page.waitForLoadState('networkidle');
}
const submit = (page: Page, name: string) =>
	go(page, () => page.getByRole('button', { name, exact: true }).click());
const follow = (page: Page, name: string) =>
	go(page, () => page.getByRole('link', { name, exact: true }).first().click());
const text = async (page: Page, selector: string) =>
	((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ');

/** Nothing on the page is wider than a 360 px phone (measured with JavaScript on). */
async function fitsAPhone(page: Page, javaScript: boolean) {
	if (!javaScript) return;
	const before = page.viewportSize();
	await page.setViewportSize({ width: 360, height: 740 });
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, `${page.url()} is wider than a phone`).toBeLessThanOrEqual(360);
	if (before) await page.setViewportSize(before);
}

async function addStep(page: Page, kind: string, fill: () => Promise<void>) {
	await page.getByLabel('Kind of step').selectOption({ label: kind });
	await submit(page, 'Choose');
	await fill();
	await submit(page, 'Add the step');
	expect(await text(page, '[role=status]')).toContain('Step added.');
}

describe.each([true, false])('a program’s own prompts and ideas, JavaScript %s', (javaScript) => {
	const tag = javaScript ? 'js' : 'nojs';
	let practiceId = '';
	beforeAll(async () => {
		await inServerDb(server, async (ctx) => {
			const coach = await buildCoach(ctx, {
				name: 'Rosa Delgado',
				email: `rosa-pc-${tag}@example.com`
			});
			practiceId = coach.practiceId;
			await buildClient(ctx, { coach, name: 'Amara Osei', email: `amara-pc-${tag}@example.com` });
		});
	});

	it('a coach writes a prompt and an idea in the builder; the enrolled client meets both', async () => {
		const coach = await (await newContext(browser, javaScript)).newPage();
		await signInThroughForm(coach, server.url, `rosa-pc-${tag}@example.com`, FACTORY_PASSWORD);
		await coach.goto(`${server.url}/practices/${practiceId}`, { waitUntil: 'networkidle' });
		await follow(coach, 'Programs');
		await coach.getByLabel('Title').fill('Rosa’s own path');
		await submit(coach, 'Create the program');

		await addStep(coach, 'Reflection prompts', async () => {
			await coach.getByLabel('Step title').fill('Your people');
			await coach.getByLabel('Right away, from the start').check();
			await coach.getByLabel('Introduction').fill('Think of the people around you.');
			await coach.getByLabel('Prompts for everyone').fill(`${PROMPT} | One name is enough`);
		});
		await addStep(coach, 'Action suggestions', async () => {
			await coach.getByLabel('Step title').fill('One small ask');
			await coach.getByLabel('Introduction').fill('Pick the idea and do it this week.');
		});

		// The action step's ideas: a badly filled idea is refused by field, with what was typed kept.
		await follow(coach, 'Edit “One small ask”');
		await coach.getByLabel('The idea, as the client reads it').fill('Call');
		await coach.getByLabel('Where it happens').selectOption({ label: 'Friends' });
		await submit(coach, 'Add the idea');
		expect(await text(coach, '#idea-form [role=alert]')).toContain('check the highlighted');
		expect(await text(coach, '#idea-form')).toContain('at least 10 characters');
		expect(await text(coach, '#idea-form')).toContain('Choose what kind of action it is.');
		expect(await coach.getByLabel('The idea, as the client reads it').inputValue()).toBe('Call');
		expect(await coach.getByLabel('Where it happens').inputValue()).toBe('FRI');
		await expectAccessible(coach);

		await coach.getByLabel('The idea, as the client reads it').fill(IDEA);
		await coach.getByLabel('Kind of action').selectOption({ label: 'Ask for help' });
		await coach.getByLabel('Discipline it practises').selectOption({ label: 'Commitment' });
		await coach.getByLabel('Who it suits').selectOption({ label: 'Anyone' });
		await submit(coach, 'Add the idea');
		expect(await text(coach, '[role=status]')).toContain('Idea added.');
		expect(await text(coach, '#ideas')).toContain('Action ideas in this step (25)');
		expect(await text(coach, '#ideas')).toContain(IDEA);

		// Rewrite it, then remove one of the ideas the step started with.
		await follow(coach, `Edit the idea “${IDEA}”`);
		await coach.getByLabel('Where it happens').selectOption({ label: 'Family' });
		await submit(coach, 'Save the idea');
		expect(await text(coach, '[role=status]')).toContain('Idea saved.');
		const mine = coach.locator('#ideas li', { hasText: IDEA });
		expect(await text(coach, `#ideas li:has-text("${IDEA}")`)).toContain(
			'Anyone · Family · Ask for help'
		);
		const other = coach.locator('#ideas li').filter({ hasNotText: IDEA }).first();
		const otherText = (await other.locator('p').first().textContent()) ?? '';
		await go(coach, () => other.getByRole('button').click());
		expect(await text(coach, '[role=status]')).toContain('Idea removed.');
		expect(await text(coach, '#ideas')).not.toContain(otherText);
		expect(await mine.count()).toBe(1);
		await expectAccessible(coach);
		await fitsAPhone(coach, javaScript);

		// Leave only the coach's idea in the step, so the client is sure to be offered it.
		for (const box of await coach.locator('input[name=keep]').all())
			if (((await box.locator('xpath=..').textContent()) ?? '').includes(IDEA)) await box.check();
			else await box.uncheck();
		await submit(coach, 'Save the step');
		expect(await text(coach, '[role=status]')).toContain('Step saved.');

		await follow(coach, 'Preview as a client sees it');
		expect(await text(coach, 'main')).toContain(PROMPT);
		expect(await text(coach, 'main')).toContain('1 action idea.');
		expect(await text(coach, '.ideas li')).toContain(`${IDEA} Anyone · Family · Ask for help`);
		await expectAccessible(coach);
		await fitsAPhone(coach, javaScript);
		await coach.goBack({ waitUntil: 'networkidle' });
		await submit(coach, 'Publish version 1');
		await coach.getByLabel('Amara Osei').check();
		await submit(coach, 'Enrol');
		expect(await text(coach, '[role=status]')).toContain('Enrolled 1.');

		// The client's journal offers the coach's prompt, and the new entry answers it.
		const client = await (await newContext(browser, javaScript)).newPage();
		await signInThroughForm(client, server.url, `amara-pc-${tag}@example.com`, FACTORY_PASSWORD);
		await follow(client, 'Write about this step in your journal');
		expect(await text(client, '.lead')).toContain('Step 1 of your program, Rosa’s own path');
		expect(await client.locator('main h2').allTextContents()).toEqual(['1. Your people']);
		await expectAccessible(client);
		await fitsAPhone(client, javaScript);
		await follow(client, PROMPT);
		expect(await client.locator('h1').textContent()).toBe('New journal entry');
		expect(await text(client, 'main')).toContain('From your program: Your people');
		expect(await text(client, 'main')).toContain('One name is enough');
		await client.getByLabel(PROMPT).fill('My sister, and it felt easier than I feared.');
		await expectAccessible(client);
		await fitsAPhone(client, javaScript);
		await submit(client, 'Save');
		await expect.poll(() => client.url()).toMatch(/\/journal\/[0-9a-f-]{36}/);
		// The save's answer has loaded: with JavaScript, autosave moves the address to the entry's
		// own before the form is sent, so the address alone does not say the page is there.
		await expect.poll(() => text(client, '.alert[role=status]')).toContain('Saved.');
		await client.reload({ waitUntil: 'networkidle' });
		expect(await client.getByLabel(PROMPT).inputValue()).toContain('My sister');

		// Step 1 done, the action step opens: the new-action form offers the coach's idea.
		await client.goto(`${server.url}/program`, { waitUntil: 'networkidle' });
		await submit(client, 'Mark this step done');
		await client.goto(`${server.url}/home`, { waitUntil: 'networkidle' });
		await follow(client, 'Choose an action for this step');
		expect(await text(client, 'section:has(#ideas)')).toContain(
			'From step 2 of your program, Rosa’s own path: “One small ask”'
		);
		expect(await client.locator('.ideas li > p:first-child').allTextContents()).toEqual([IDEA]);
		await expectAccessible(client);
		await fitsAPhone(client, javaScript);
		await go(client, () => client.getByRole('button', { name: /^Use this idea/ }).click());
		expect(await client.getByLabel(/What will you do/).inputValue()).toBe(IDEA);
		await coach.context().close();
		await client.context().close();
	}, 180_000);
});

describe('a program’s ideas over HTTP', () => {
	it('lets only the author change them: another coach gets 404, a client 403, and nothing changes', async () => {
		const cast = await inServerDb(server, async (ctx) => {
			const found = await practice(ctx);
			const target = await fourSteps(ctx, found.coach, found.p);
			const cara = await buildClient(ctx, { name: 'Cara Colleague' });
			const at = ctx.now().toISOString();
			await addMembership(ctx.db, {
				id: randomUUID(),
				practiceId: found.p,
				userId: cara.userId,
				role: 'coach',
				at
			});
			return { ...found, programId: target.programId, cara: cara.email };
		});
		const builder = `/practices/${cast.p}/programs/${cast.programId}`;
		const draft = () =>
			server.query<{ draft: string }>('select draft from programs where id = ?', cast.programId)[0]!
				.draft;
		const before = draft();
		const idea = {
			stepId: 'try-one',
			ideaId: '',
			text: IDEA,
			kind: 'ask-help',
			domain: 'FRI',
			discipline: 'commitment',
			suits: 'any'
		};
		const removal = { stepId: 'try-one', ideaId: 'ind-early-look' };
		const sign = async (email: string) => {
			const http = new HttpClient(server.url);
			await http.signIn(email, FACTORY_PASSWORD);
			return http;
		};
		const cara = await sign(cast.cara);
		expect((await cara.post(`${builder}?/saveIdea`, idea)).status).toBe(404);
		expect((await cara.post(`${builder}?/removeIdea`, removal)).status).toBe(404);
		const cleo = await sign(cast.emails.cleo);
		expect((await cleo.post(`${builder}?/saveIdea`, idea)).status).toBe(403);
		expect(draft()).toBe(before);
		// The author may: the idea is added with the choices made, and one built-in idea is gone.
		const cole = await sign(cast.emails.cole);
		expect((await cole.post(`${builder}?/saveIdea`, idea)).status).toBe(303);
		expect((await cole.post(`${builder}?/removeIdea`, removal)).status).toBe(303);
		const ideas = JSON.parse(draft()).steps[3].suggestions as { id: string; text: string }[];
		expect(ideas.map((i) => i.text)).toContain(IDEA);
		expect(ideas.map((i) => i.id)).not.toContain('ind-early-look');
	});

	it('refuses a new entry to a prompt not offered now, and the page keeps the text', async () => {
		const { emails } = await inServerDb(server, (ctx) => practice(ctx));
		const olly = new HttpClient(server.url);
		await olly.signIn(emails.olly, FACTORY_PASSWORD);
		// Olly follows no program: a coach's step is not his to answer, by link or by post.
		const address = '/journal/new?step=patterns&prompt=patterns-1';
		expect((await olly.get(address)).status).toBe(404);
		const body = 'Something I wrote while the step was still open.';
		const refused = await olly.post(`${address}&/save`, {
			step: 'patterns',
			promptId: 'patterns-1',
			body
		});
		expect(refused.status).toBe(400);
		const html = await refused.text();
		expect(html).toContain('not one offered to you now');
		expect(html).toContain(body);
		expect(
			server.query('select id from journal_entries where prompt_id = ?', 'patterns-1')
		).toEqual([]);
	});
});
