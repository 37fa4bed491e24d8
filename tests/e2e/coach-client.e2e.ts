import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/lib/server/cli/open-context.ts';
import type { AppContext } from '../../src/lib/server/context.ts';
import { buildClient, buildCoach, FACTORY_PASSWORD } from '../factories/accounts.ts';
import { expectAccessible, newContext, signInThroughForm } from '../support/browser.ts';
import { HttpClient } from '../support/http.ts';
import type { RunningServer } from '../support/server.ts';
import { useApp } from '../support/app.ts';
import type { Smtp } from '../support/smtp.ts';

const app = useApp({ smtp: true });
let browser: Browser, server: RunningServer, smtp: Smtp;
beforeAll(() => void ({ browser, server, smtp } = app));

const coachEmail = 'rosa@example.com';
const PASSWORD = FACTORY_PASSWORD;
let rosa: { userId: string; practiceId: string };

beforeAll(async () => {
	// A coach with two clients, made through the real use-cases in the server's own database.
	const { ctx, handle } = await openContext({
		NODE_ENV: 'production',
		DATA_DIR: server.dataDir,
		DATABASE_URL: ''
	});
	try {
		const coach = await buildCoach(ctx, { name: 'Rosa Delgado', email: coachEmail });
		rosa = coach;
		await buildClient(ctx, { coach, name: 'Amara Osei', email: 'amara@example.com' });
		await buildClient(ctx, { coach, name: 'Ben Whitaker', email: 'ben@example.com' });
	} finally {
		await handle.close();
	}
});

/**
 * The client shares a reflection with their coach, and reports back on an action due today, as a
 * form-only browser would.
 */
async function clientWork(email: string, body: string, happened: string) {
	const http = new HttpClient(server.url);
	await http.signIn(email, PASSWORD);
	const saved = await http.post('/journal/new?/save', {
		step: 'resonate',
		promptId: 'resonate-together',
		body
	});
	const entryId = /\/journal\/([0-9a-f-]{36})/.exec(saved.headers.get('location')!)![1]!;
	expect((await http.post(`/journal/${entryId}?/share`, {})).status).toBeLessThan(400);
	const today = new Date().toISOString().slice(0, 10);
	const created = await http.post('/actions/new', {
		key: randomUUID(),
		suggestion: '',
		what: 'Ask my sister to plan the weekend with me',
		withName: 'Sis',
		withEmail: '',
		domain: 'FAM',
		kind: 'ask-help',
		discipline: 'commitment',
		schedule: 'date',
		dueOn: today,
		weekday: ''
	});
	const actionId = /\/actions\/([0-9a-f-]{36})/.exec(created.headers.get('location')!)![1]!;
	const reported = await http.post(`/actions/${actionId}?/report`, {
		occurrence: today,
		outcome: 'done',
		happened,
		mutuality: '4',
		compared: 'better'
	});
	expect(reported.status).toBe(303);
	return { entryId, actionId };
}

async function signIn(context: BrowserContext, email: string): Promise<Page> {
	const page = await context.newPage();
	await signInThroughForm(page, server.url, email, PASSWORD);
	return page;
}

/** Submits a form and waits for the page to show the result, with or without JavaScript. */
async function submitAndSee(page: Page, within: Locator, button: string, text: string) {
	await within.getByRole('button', { name: button }).click();
	await expect.poll(() => page.locator('main').textContent(), { timeout: 10_000 }).toContain(text);
}

describe.each([
	{ mode: 'with JavaScript', javaScript: true, client: 'Amara', email: 'amara@example.com' },
	{ mode: 'without JavaScript', javaScript: false, client: 'Ben', email: 'ben@example.com' }
])('a coach and their client talk it over, $mode', ({ javaScript, client, email }) => {
	const entryText = `${client}: we cooked for the whole family together, and it was easy.`;
	const reply = `${client}, what made asking feel easy this time?`;
	const answer = `I asked before I was tired, ${client} says.`;
	const note = `Private to the coach: ${client} relaxes when the plan is shared early.`;
	const happened = `${client} and her sister planned the whole weekend in ten minutes.`;
	const reportReply = `${client}, ten minutes together: that is the point.`;
	let entryId: string;
	let actionId: string;
	let coachContext: BrowserContext;
	let coach: Page;
	let clientPage: string;

	beforeAll(async () => {
		({ entryId, actionId } = await clientWork(email, entryText, happened));
		coachContext = await newContext(browser, javaScript);
		coach = await signIn(coachContext, coachEmail);
	});
	afterAll(async () => {
		await coachContext?.close();
	});

	it('opens the client from the practice and replies to the shared entry', async () => {
		await coach.getByRole('link', { name: 'Open the practice' }).click();
		await coach
			.getByRole('link', { name: new RegExp(client) })
			.first()
			.click();
		await coach.waitForURL(/\/clients\//);
		clientPage = coach.url();
		await expectAccessible(coach);
		expect(await coach.getByRole('heading', { name: 'At a glance' }).count()).toBe(1);
		expect(await coach.locator('main').textContent()).toContain(entryText);

		await coach
			.locator(`#thread-${entryId}`)
			.getByLabel(`Your reply to ${client} on this journal entry`)
			.fill(reply);
		await submitAndSee(coach, coach.locator(`#thread-${entryId}`), 'Send reply', reply);
		await expectAccessible(coach);
	});

	it('reads the report-back and replies to it too', async () => {
		const section = coach.locator('section:has(#report-backs)');
		expect(await section.textContent()).toContain(happened);
		expect(await section.textContent()).toContain('Better than going it alone');
		// An empty thread on a report-back is folded behind "Reply to …".
		await section
			.locator('summary', { hasText: `Reply to ${client}` })
			.first()
			.click();
		await section
			.getByLabel(new RegExp(`^Your reply to ${client} on the report-back`))
			.fill(reportReply);
		await submitAndSee(coach, section, 'Send reply', reportReply);
		await expectAccessible(coach);
	});

	it('emails the client a link, without the reply in it', async () => {
		const replied = (m: { to: string[]; subject: string; text: string }) =>
			m.to.includes(email) && m.subject === 'Your coach replied';
		await smtp.waitFor((m) => replied(m) && m.text.includes('/actions/'));
		const mails = smtp.mails.filter(replied);
		expect(mails).toHaveLength(2);
		const [onEntry] = mails.filter((m) => m.text.includes(`/journal/${entryId}#replies`));
		expect(onEntry).toBeDefined();
		expect(mails.some((m) => m.text.includes(`/actions/${actionId}#thread-`))).toBe(true);
		for (const mail of mails) {
			expect(mail.text).not.toContain(reply);
			expect(mail.text).not.toContain(reportReply);
		}
	});

	it('lets the client read the replies on their entry and action, and answer', async () => {
		const context = await newContext(browser, javaScript);
		try {
			const page = await signIn(context, email);
			await page.goto(`${server.url}/actions/${actionId}`);
			expect(await page.locator('main').textContent()).toContain(reportReply);
			await expectAccessible(page);
			await page.goto(`${server.url}/journal/${entryId}#replies`);
			const thread = page.locator('#replies');
			expect(await thread.textContent()).toContain(reply);
			expect(await thread.textContent()).toContain('Your coach');
			await expectAccessible(page);
			await page.getByLabel('Your reply to your coach').fill(answer);
			await page.locator('#replies').getByRole('button', { name: 'Send reply' }).click();
			await expect
				.poll(() => page.locator('#replies').textContent(), { timeout: 10_000 })
				.toContain(answer);
			expect(await page.getByLabel('Your reply to your coach').inputValue()).toBe('');
			await expectAccessible(page);
		} finally {
			await context.close();
		}
	});

	it('shows the coach the answer, and keeps a private note the client never sees', async () => {
		await coach.goto(clientPage);
		expect(await coach.locator(`#thread-${entryId}`).textContent()).toContain(answer);
		await coach.getByLabel('New note').fill(note);
		await submitAndSee(
			coach,
			coach.locator('section:has(#notes)'),
			'Save the note',
			'Your note is saved.'
		);
		expect(await coach.locator('section:has(#notes)').textContent()).toContain(note);
		await expectAccessible(coach);

		const context = await newContext(browser, javaScript);
		try {
			const page = await signIn(context, email);
			for (const path of ['/home', `/journal/${entryId}`, '/journal', '/actions']) {
				await page.goto(server.url + path);
				expect(await page.content(), path).not.toContain('relaxes when the plan');
			}
			const refused = await page.goto(clientPage);
			expect(refused?.status()).toBeGreaterThanOrEqual(400);
			expect(await page.content()).not.toContain('relaxes when the plan');
		} finally {
			await context.close();
		}
	});

	it('keeps an unsent reply on screen when the entry was made private meanwhile', async () => {
		await coach.goto(clientPage);
		const http = new HttpClient(server.url);
		await http.signIn(email, PASSWORD);
		await http.post(`/journal/${entryId}?/unshare`, {});
		const late = 'A reply typed while the entry went private.';
		await coach
			.locator(`#thread-${entryId}`)
			.getByLabel(`Your reply to ${client} on this journal entry`)
			.fill(late);
		await coach.locator(`#thread-${entryId}`).getByRole('button', { name: 'Send reply' }).click();
		await expect
			.poll(() => coach.locator('main').textContent(), { timeout: 10_000 })
			.toContain('no longer shared with you');
		expect(await coach.getByLabel('Your reply, not sent').inputValue()).toBe(late);
		expect(await coach.locator('main').textContent()).not.toContain(entryText);
		await expectAccessible(coach);
	});

	it('asks for a retake by a date the client then sees at home', async () => {
		await coach.goto(clientPage);
		const section = coach.locator('section:has(#reassessment)');
		await section.getByLabel('Retake by').fill('2020-01-06');
		await section.getByRole('button', { name: 'Ask for a retake' }).click();
		await expect
			.poll(() => section.textContent(), { timeout: 10_000 })
			.toContain('That day has already passed');
		expect(await section.getByLabel('Retake by').inputValue()).toBe('2020-01-06');
		await expectAccessible(coach);
		const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
		await section.getByLabel('Retake by').fill(inAWeek);
		await submitAndSee(coach, section, 'Ask for a retake', 'They will see it on their home page.');

		const context = await newContext(browser, javaScript);
		try {
			const page = await signIn(context, email);
			expect(await page.locator('main').textContent()).toContain(
				'Your coach asked you to retake the assessment by'
			);
			await expectAccessible(page);
			await page.getByRole('link', { name: 'Start the assessment' }).click();
			await page.waitForURL('**/assessment');
		} finally {
			await context.close();
		}
	});
});

describe('what is new since the coach’s previous visit', () => {
	/** Opens the server's own database beside it (SQLite in WAL mode allows that). */
	async function withDatabase<T>(work: (ctx: AppContext) => Promise<T>): Promise<T> {
		const { ctx, handle } = await openContext({
			NODE_ENV: 'production',
			DATA_DIR: server.dataDir,
			DATABASE_URL: ''
		});
		try {
			return await work(ctx);
		} finally {
			await handle.close();
		}
	}

	it('keeps counting what came in since the last visit when the page is opened again', async () => {
		const { userId } = await withDatabase((ctx) =>
			buildClient(ctx, { coach: rosa, name: 'Chen Li', email: 'chen@example.com' })
		);
		const context = await newContext(browser, true);
		try {
			const coach = await signIn(context, coachEmail);
			const roster = `${server.url}/practices/${rosa.practiceId}`;
			await coach.goto(`${roster}/clients/${userId}`);
			// The visit mark is written just after the page is sent; then it is moved to yesterday,
			// as if the coach had last looked then.
			const yesterday = new Date(Date.now() - 86_400_000);
			await expect
				.poll(() =>
					withDatabase(async (ctx) => {
						const moved = await ctx.db
							.updateTable('client_summaries')
							.set({ coach_seen_at: yesterday.toISOString(), coach_previous_visit_at: null })
							.where('client_id', '=', userId)
							.where('coach_seen_at', 'is not', null)
							.executeTakeFirst();
						return Number(moved.numUpdatedRows);
					})
				)
				.toBe(1);
			await clientWork('chen@example.com', 'Chen: I let my brother drive.', 'He drove; I rested.');

			await coach.goto(roster);
			const row = coach.getByRole('row', { name: /Chen Li/ });
			expect(await row.textContent()).toContain('1 new shared entry');
			const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
			const since = `New since your visit on ${day.format(yesterday)}`;
			const newSince = async () => {
				const term = coach.locator('section:has(#summary-title) dt', { hasText: 'New' });
				const value = coach.locator('section:has(#summary-title) dt:has-text("New") + dd');
				return `${squash(await term.textContent())}: ${squash(await value.textContent())}`;
			};
			await row.getByRole('link', { name: /Chen Li/ }).click();
			await coach.waitForURL(/\/clients\//);
			const expected = `${since}: 1 shared journal entry, 1 report-back`;
			await expect.poll(newSince).toBe(expected);
			// Opened again (a reload, or back from the roster): still compared with yesterday's visit.
			await coach.reload();
			expect(await newSince()).toBe(expected);
			await coach.goto(roster);
			await coach.goto(`${roster}/clients/${userId}`);
			expect(await newSince()).toBe(expected);
			await expectAccessible(coach);
		} finally {
			await context.close();
		}
	});
});

const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
