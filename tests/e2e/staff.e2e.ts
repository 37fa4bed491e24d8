// A practice admin removes a coach: over HTTP on each database, the removed coach is refused at
// once on every route that shows a client's data; in the browser (JavaScript on and off, axe),
// the admin sees the clients waiting for a coach and gives them one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FACTORY_PASSWORD } from '../factories/accounts.ts';
import {
	buildCoachingCast,
	finishAssessment,
	reportedAction,
	sharedEntry
} from '../factories/workspace.ts';
import {
	expectAccessible,
	launchBrowser,
	newContext,
	signInThroughForm
} from '../support/browser.ts';
import { HttpClient } from '../support/http.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { createTestContext, testDialects, type TestContext } from '../support/test-context.ts';
import { removeStaffMember } from '../../src/lib/server/staff/manage-staff.ts';

type Cast = Awaited<ReturnType<typeof buildCoachingCast>>;

async function emailOf(t: TestContext, userId: string) {
	const row = await t.ctx.db
		.selectFrom('users')
		.select('email')
		.where('id', '=', userId)
		.executeTakeFirstOrThrow();
	return row.email;
}

describe.each(testDialects())('a removed coach over HTTP, on %s', (dialect) => {
	let t: TestContext, server: RunningServer, cast: Cast, coach: HttpClient;
	let paths: string[] = [];
	let shared = '';

	beforeAll(async () => {
		t = await createTestContext(dialect);
		t.clock.current = new Date(); // the server runs on the wall clock
		cast = await buildCoachingCast(t.ctx);
		const { client, practiceId, actors } = cast;
		const assessmentId = await finishAssessment(t.ctx, actors.client, () =>
			t.clock.advance(60_000)
		);
		const { actionId } = await reportedAction(t.ctx, actors.client, 'We cooked on Sunday.');
		await sharedEntry(t.ctx, actors.client, 'A shared thought for my coach.');
		paths = [
			`/practices/${practiceId}`,
			`/practices/${practiceId}/clients/${client.userId}`,
			`/assessment/${assessmentId}`,
			`/actions/${actionId}`
		];
		shared = 'A shared thought for my coach.';
		server = await startServer({ env: t.serverEnv });
		coach = new HttpClient(server.url);
		await coach.signIn(await emailOf(t, cast.coach.userId), FACTORY_PASSWORD);
	}, 120_000);

	afterAll(async () => {
		await server?.stop();
		await t?.dispose();
	});

	it('reads every client page before, and is refused on each at the very next request after', async () => {
		for (const path of paths) expect((await coach.get(path)).status, path).toBe(200);
		expect(await (await coach.get(paths[1]!)).text()).toContain(shared);
		// The client's result, read by their coach: said to be the client's, with the way back to
		// the client's page, and none of the client's own next steps (their retake, their trail).
		const result = await (await coach.get(paths[2]!)).text();
		expect(result).toContain('’s result, with the words they read about it.');
		expect(result).toContain(`href="${paths[1]}"`);
		expect(result).not.toContain('Your next step');
		expect(result).not.toContain('href="/assessment/history"');
		const note = `${paths[1]}?/addNote`;
		await removeStaffMember(t.ctx, {
			actor: cast.actors.admin,
			practiceId: cast.practiceId,
			userId: cast.coach.userId,
			confirmed: true
		});
		for (const path of paths)
			expect((await coach.get(path)).status, path).toBeGreaterThanOrEqual(403);
		const refused = await coach.post(note, { body: 'written after leaving' });
		expect(refused.status).toBeGreaterThanOrEqual(403);
		const notes = await t.ctx.db.selectFrom('coach_notes').select('id').execute();
		expect(notes).toEqual([]);
	});

	it("shows the practice's security log to its admin only: a coach and a client of it are refused", async () => {
		const path = `/practices/${cast.practiceId}/security-log`;
		const as = async (userId: string) => {
			const http = new HttpClient(server.url);
			await http.signIn(await emailOf(t, userId), FACTORY_PASSWORD);
			return http.get(path);
		};
		const shown = await as(cast.actors.admin.userId);
		expect(shown.status).toBe(200);
		expect(await shown.text()).toContain('Casey Coach: Removed from the staff');
		for (const userId of [cast.actors.colleague.userId, cast.client.userId])
			expect((await as(userId)).status, userId).toBeGreaterThanOrEqual(403);
	});

	it('offers the practice export on the practice page to its admin, and not to another coach', async () => {
		const pageOf = async (userId: string) => {
			const http = new HttpClient(server.url);
			await http.signIn(await emailOf(t, userId), FACTORY_PASSWORD);
			return (await http.get(`/practices/${cast.practiceId}`)).text();
		};
		const exportLink = `href="/practices/${cast.practiceId}/export"`;
		expect(await pageOf(cast.actors.admin.userId)).toContain(exportLink);
		const colleague = await pageOf(cast.actors.colleague.userId);
		expect(colleague).toContain('Your clients');
		expect(colleague).not.toContain(exportLink);
	});
});

describe.each([
	{ mode: 'with JavaScript', javaScript: true },
	{ mode: 'without JavaScript', javaScript: false }
])('the staff page, $mode', ({ javaScript }) => {
	let t: TestContext, server: RunningServer, browser: Browser, cast: Cast;
	let admin: Page, client: Page;

	beforeAll(async () => {
		t = await createTestContext('sqlite');
		t.clock.current = new Date();
		cast = await buildCoachingCast(t.ctx);
		server = await startServer({ env: t.serverEnv });
		browser = await launchBrowser();
		admin = await (await newContext(browser, javaScript)).newPage();
		await signInThroughForm(
			admin,
			server.url,
			await emailOf(t, cast.actors.admin.userId),
			FACTORY_PASSWORD
		);
		client = await (await newContext(browser, javaScript)).newPage();
		await signInThroughForm(
			client,
			server.url,
			await emailOf(t, cast.client.userId),
			FACTORY_PASSWORD
		);
	}, 120_000);

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		await t?.dispose();
	});

	it('is reached from the practice page and asks to confirm before removing anyone', async () => {
		await admin.goto(`${server.url}/practices/${cast.practiceId}`);
		await admin.getByRole('link', { name: /^Staff/ }).click();
		await admin.waitForURL('**/staff');
		await expectAccessible(admin);
		const casey = admin.getByRole('listitem').filter({ hasText: 'Casey Coach' });
		expect(await casey.textContent()).toContain('Admin and coach · 2 clients');
		await casey.getByRole('button', { name: 'Remove from the practice' }).click();
		await expect
			.poll(() => admin.locator('main').textContent())
			.toContain('Tick the box to confirm that Casey Coach leaves the practice.');
		await expectAccessible(admin);
	});

	it('removes the coach; the clients wait for a coach, and see so on their account page', async () => {
		const casey = admin.getByRole('listitem').filter({ hasText: 'Casey Coach' });
		await casey.getByRole('checkbox').check();
		await casey.getByRole('button', { name: 'Remove from the practice' }).click();
		await expect
			.poll(() => admin.locator('main').textContent())
			.toContain('Casey Coach has left the practice and can no longer open it. 2 clients are');
		const waiting = admin.getByRole('list', { name: 'Clients without a coach' });
		expect(await waiting.getByRole('listitem').count()).toBe(2);
		await expectAccessible(admin);

		await client.goto(`${server.url}/account`);
		expect(await client.locator('main').textContent()).toContain('no coach is assigned to you');
	});

	it('gives a waiting client another coach of the practice', async () => {
		await admin.getByLabel('Coach for Iris Client').selectOption({ label: 'Colin Colleague' });
		await admin.getByRole('button', { name: 'Give Iris Client this coach' }).click();
		await expect
			.poll(() => admin.locator('main').textContent())
			.toContain('Done: Colin Colleague is now their coach.');
		expect(
			await admin
				.getByRole('list', { name: 'Clients without a coach' })
				.getByRole('listitem')
				.count()
		).toBe(1);
		await client.reload();
		expect(await client.locator('main').textContent()).toContain('You work with Colin Colleague');
	});

	it("hands a coach's clients to whom the admin chooses: here the admin, who becomes their coach", async () => {
		const colin = admin.getByRole('listitem').filter({ hasText: 'Colin Colleague' });
		await colin
			.getByLabel('Who takes their clients')
			.selectOption({ label: 'Me: I become a coach of the practice too' });
		await colin.getByRole('checkbox').check();
		await colin.getByRole('button', { name: 'Remove from the practice' }).click();
		await expect
			.poll(() => admin.locator('main').textContent())
			.toContain('Ada Admin now coaches their 1 client.');
		const ada = admin
			.getByRole('list', { name: 'Coaches and admins' })
			.getByRole('listitem')
			.filter({ hasText: 'Ada Admin' });
		expect(await ada.textContent()).toContain('Admin and coach · 1 client');
		await expectAccessible(admin);
		await client.reload();
		expect(await client.locator('main').textContent()).toContain('You work with Ada Admin');
	});

	it('takes a client out of the practice after the box is ticked', async () => {
		const form = admin.getByRole('form', { name: 'Take a client out of the practice' });
		await form.getByLabel('Client', { exact: true }).selectOption({ label: 'Pat Peer' });
		await form.getByRole('button', { name: 'Take out of the practice' }).click();
		await expect
			.poll(() => admin.locator('#confirm-client-error').textContent())
			.toContain('Tick the box to confirm that Pat Peer leaves the practice.');
		expect(await form.getByLabel('Client', { exact: true }).inputValue()).toBe(
			await admin.getByRole('option', { name: 'Pat Peer' }).getAttribute('value')
		);
		await expectAccessible(admin);
		await form.getByRole('checkbox').check();
		await form.getByRole('button', { name: 'Take out of the practice' }).click();
		await expect
			.poll(() => admin.locator('main').textContent())
			.toContain('Pat Peer has left the practice. Their account and what they wrote stay theirs.');
		expect(await admin.getByRole('list', { name: 'Clients without a coach' }).count()).toBe(0);
	});

	it("shows the practice's staff events on its security log, linked from the practice page", async () => {
		await admin.goto(`${server.url}/practices/${cast.practiceId}`);
		await admin.getByRole('link', { name: 'Security log of the practice' }).click();
		await admin.waitForURL('**/security-log');
		const lines = await admin
			.getByRole('list', { name: 'Events of the practice' })
			.getByRole('listitem')
			.allTextContents();
		const text = lines.join('\n');
		expect(lines[0]).toContain('Pat Peer: Taken out of the practice');
		expect(text).toContain('Colin Colleague: Removed from the staff');
		expect(text).toContain('Casey Coach: Removed from the staff');
		expect(text).toContain('Iris Client: Given a new coach');
		expect(text).toContain('by Ada Admin');
		expect(text).not.toContain('@');
		await expectAccessible(admin);
	});

	it('asks the admin to confirm it is them before exporting the practice, after 10 minutes', async () => {
		const longAgo = new Date(Date.now() - 11 * 60_000).toISOString();
		await t.ctx.db
			.updateTable('sessions')
			.set({ reauthenticated_at: longAgo })
			.where('user_id', '=', cast.actors.admin.userId)
			.execute();
		// Found from the practice's page, where the admin runs it.
		await admin.goto(`${server.url}/practices/${cast.practiceId}`);
		await admin.getByRole('link', { name: /^Export the practice/ }).click();
		await admin.waitForURL(`**/practices/${cast.practiceId}/export`);
		await admin.getByRole('button', { name: 'Make the export' }).click();
		await admin.waitForURL('**/account/confirm?next=**');
		// Resting the pointer on "Go back" preloads the export page; what was held must survive it.
		const goBack = admin.getByRole('link', { name: 'Go back' });
		if (javaScript) {
			let preloaded = false;
			admin.on('response', (r) => {
				if (r.url().includes('/export/__data.json')) preloaded = true;
			});
			// On a busy machine the pointer can arrive before the page has hydrated, when nothing
			// preloads yet: move it away and back until the page has preloaded.
			await expect
				.poll(
					async () => {
						await admin.mouse.move(0, 0);
						await goBack.hover();
						return preloaded;
					},
					{ timeout: 30_000 }
				)
				.toBe(true);
		} else await goBack.hover();
		await admin.getByLabel('Your password').fill(FACTORY_PASSWORD);
		await admin.getByRole('button', { name: 'Confirm' }).click();
		await admin.waitForURL('**/export**');
		await expect
			.poll(() => admin.locator('main').textContent())
			.toContain('Thank you. You can make the export now.');
		await expectAccessible(admin);
		await admin.getByRole('button', { name: 'Make the export' }).click();
		await expect
			.poll(() => admin.locator('main').textContent())
			.toMatch(/Making the practice|Download the practice/);
		await admin.goto(`${server.url}/practices/${cast.practiceId}/security-log`);
		const events = admin.getByRole('list', { name: 'Events of the practice' });
		expect(await events.getByRole('listitem').first().textContent()).toContain(
			'Ada Admin: Asked for an export of the practice'
		);
	});
});
