import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { addDays, daysBetween, todayFor, weekdayOf } from '../../domain/actions/dates.ts';
import type { Actor } from '../../domain/policies.ts';
import { getAction } from '../actions/get-action.ts';
import { listActions } from '../actions/list-actions.ts';
import { sendCoachDigests } from '../digest/send-coach-digests.ts';
import { listAssessmentHistory } from '../assessments/list-assessment-history.ts';
import { createSession, resolveSession } from '../auth/sessions.ts';
import { listJournalEntries } from '../journal/list-journal-entries.ts';
import { getClientOverview } from '../practices/get-client-overview.ts';
import { newSinceLastVisit } from '../../domain/new-since-visit.ts';
import { sendDueReminders } from '../reminders/send-due-reminders.ts';
import { getActionThreads } from '../replies/get-action-threads.ts';
import { listRoster, type RosterQuery } from '../roster/list-roster.ts';
import { findUserByEmail } from '../users/repository.ts';
import { demoClients, demoSelfGuided } from '../../content/demo/demo-practice.ts';
import type { DemoClient, DemoPerson } from '../../content/demo/schema.ts';
import { seedDemo } from './seed-demo.ts';

const DAY = 24 * 60 * 60 * 1000;

/** What the demo files describe, counted the way the database will hold it. */
function figuresOf(people: readonly (DemoPerson & Partial<Pick<DemoClient, 'notes'>>)[]) {
	const sum = (f: (p: (typeof people)[number]) => number) => people.reduce((n, p) => n + f(p), 0);
	const reportsOf = (p: DemoPerson) =>
		p.actions.flatMap((a) => (a.weekly ? a.weekly.weeks : a.once?.report ? [a.once.report] : []));
	const written = (p: DemoPerson) => reportsOf(p).filter((w) => typeof w !== 'string');
	return {
		results: sum((p) => p.results.length),
		entries: sum((p) => p.entries.length),
		shared: sum((p) => p.entries.filter((e) => e.sharedDaysAgo !== undefined).length),
		actions: sum((p) => p.actions.length),
		reportBacks: sum((p) => written(p).length),
		skips: sum((p) => reportsOf(p).filter((w) => w === 'skip').length),
		replies: sum(
			(p) =>
				p.entries.reduce((n, e) => n + (e.replies?.length ?? 0), 0) +
				written(p).reduce((n, r) => n + (r.replies?.length ?? 0), 0)
		),
		notes: sum((p) => p.notes?.length ?? 0)
	};
}

describe.each(testDialects())('the demo practice on %s', (dialect) => {
	let t: TestContext;
	let rosa: Actor;
	let practiceId: string;
	const clients = new Map<string, Actor>();

	/** Signs in as the app does, so each person carries the roles a session would give them. */
	async function actorFor(email: string): Promise<Actor> {
		const user = (await findUserByEmail(t.ctx.db, email))!;
		const { token } = await createSession(t.ctx, user.id);
		return (await resolveSession(t.ctx, token))!.actor;
	}

	const roster = (filter: RosterQuery['filter']) =>
		listRoster(t.ctx, {
			actor: rosa,
			practiceId,
			sort: 'name',
			filter,
			search: '',
			page: 1,
			scope: 'mine'
		});

	beforeAll(async () => {
		t = await createTestContext(dialect);
		expect((await seedDemo(t.ctx)).created).toBe(true);
		rosa = await actorFor('rosa@demo.midpoint.local');
		practiceId = Object.keys(rosa.practices)[0]!;
		for (const client of demoClients) clients.set(client.name, await actorFor(client.email));
	});
	afterAll(async () => {
		await t?.dispose();
	});

	// First: opening a client's page (getClientOverview) records Rosa's visit, which clears "new".
	it('shows two clients overdue and two with something new on the roster', async () => {
		const all = await roster('all');
		expect(all.rows.map((r) => r.name)).toEqual(demoClients.map((c) => c.name));
		expect(all.rows.every((r) => r.position !== null)).toBe(true);

		const overdue = await roster('overdue');
		expect(overdue.rows.map((r) => r.name)).toEqual(['Ben Whitaker', 'Dana Kowalski']);
		const today = todayFor(t.ctx.now());
		for (const row of overdue.rows) {
			const days = daysBetween(row.status.overdueSince!, today);
			expect(days, row.name).toBeGreaterThan(0);
			expect(days, row.name).toBeLessThan(7);
		}

		const fresh = await roster('new');
		expect(fresh.rows.map((r) => r.name)).toEqual(['Amara Osei', 'Farid Haddad']);
		expect(fresh.rows.every((r) => r.newEntries + r.newReports > 0)).toBe(true);

		// Elif has been quiet for weeks: nothing she did is recent.
		const elif = all.rows.find((r) => r.name === 'Elif Yilmaz')!;
		expect(daysBetween(elif.lastActivityAt!.slice(0, 10), today)).toBeGreaterThan(28);

		// The roster counts in SQL what the client's page counts with the domain rule: they agree.
		for (const row of fresh.rows) {
			const seen = await getClientOverview(t.ctx, {
				actor: rosa,
				practiceId,
				clientId: row.clientId
			});
			const reports = [...seen.actions!.open, ...seen.actions!.closed].flatMap((a) => a.reports);
			const counted = newSinceLastVisit(seen.lastSeenAt, seen.sharedEntries!, reports);
			expect({ entries: counted.entries, reports: counted.reports }, row.name).toEqual({
				entries: row.newEntries,
				reports: row.newReports
			});
		}
	});

	it("gives each of Rosa's clients a trail of results over months, most moving towards the midpoint", async () => {
		const now = t.ctx.now().getTime();
		const moves: Record<string, { first: number; last: number }> = {};
		for (const [name, client] of clients) {
			const { entries: results } = await listAssessmentHistory(t.ctx, {
				actor: rosa,
				userId: client.userId
			});
			expect(results.length, name).toBeGreaterThanOrEqual(3);
			const times = results.map((r) => new Date(r.completedAt).getTime());
			expect(now - times[0]!, name).toBeGreaterThan(180 * DAY);
			for (let i = 1; i < times.length; i++) {
				const weeks = (times[i]! - times[i - 1]!) / (7 * DAY);
				expect(weeks, name).toBeGreaterThanOrEqual(6);
				expect(weeks, name).toBeLessThanOrEqual(10);
			}
			// Elif has gone quiet, so her latest result is older; Rosa has asked her for a retake.
			if (name !== 'Elif Yilmaz') expect(now - times.at(-1)!, name).toBeLessThan(14 * DAY);
			expect(
				results.every((r) => r.score.flags.length === 0),
				name
			).toBe(true);
			moves[name] = { first: results[0]!.score.position!, last: results.at(-1)!.score.position! };
		}
		const towards = Object.values(moves).filter((m) => Math.abs(m.last) < Math.abs(m.first) - 10);
		expect(towards.length).toBeGreaterThanOrEqual(4);
		expect(Math.abs(moves['Chen Li']!.last - moves['Chen Li']!.first)).toBeLessThan(10);
		expect(Math.abs(moves['Elif Yilmaz']!.last)).toBeGreaterThan(
			Math.abs(moves['Elif Yilmaz']!.first)
		);
	});

	it('shows Rosa the entries each client shared, and never the private ones', async () => {
		for (const [name, client] of clients) {
			const own = await listJournalEntries(t.ctx, { actor: client });
			expect(own.length, name).toBeGreaterThanOrEqual(4);
			expect(own.length, name).toBeLessThanOrEqual(10);
			const shared = own.filter((e) => e.sharedAt !== null);
			const hidden = own.filter((e) => e.sharedAt === null);
			expect(shared.length, name).toBeGreaterThan(0);
			expect(hidden.length, name).toBeGreaterThan(0);
			expect(
				own.every((e) => e.domains.length > 0 && e.disciplines.length > 0),
				name
			).toBe(true);

			const seen = await getClientOverview(t.ctx, {
				actor: rosa,
				practiceId,
				clientId: client.userId
			});
			expect(seen.sharedEntries!.map((e) => e.id).sort(), name).toEqual(
				shared.map((e) => e.id).sort()
			);
			const page = JSON.stringify(seen);
			for (const entry of hidden) expect(page, name).not.toContain(entry.body);
		}
		const steps = new Set(
			(
				await Promise.all(
					[...clients.values()].map((actor) => listJournalEntries(t.ctx, { actor }))
				)
			)
				.flat()
				.map((e) => e.step)
		);
		expect([...steps].sort()).toEqual(['commit', 'examine', 'locate', 'report', 'resonate']);
	});

	it('gives every client open actions and report-backs across many weeks, some skipped', async () => {
		const today = todayFor(t.ctx.now());
		const monday = (date: string) => addDays(date, 1 - weekdayOf(date));
		for (const [name, client] of clients) {
			const { open, closed } = await listActions(t.ctx, { actor: client });
			expect(open.length, name).toBeGreaterThanOrEqual(1);
			expect(open.length, name).toBeLessThanOrEqual(3);
			expect(closed.length, name).toBeGreaterThanOrEqual(1);
			const reports = (
				await Promise.all(
					[...open, ...closed].map((a) => getAction(t.ctx, { actor: client, actionId: a.id }))
				)
			).flatMap((a) => a.reports);
			const answered = reports.filter((r) => !r.skipped);
			expect(new Set(answered.map((r) => monday(r.occurrence))).size, name).toBeGreaterThanOrEqual(
				8
			);
			expect(
				reports.some((r) => r.skipped),
				name
			).toBe(true);
			expect(
				answered.every((r) => r.occurrence < today),
				name
			).toBe(true);
			expect(
				answered.some((r) => r.happened && r.mutuality && r.compared),
				name
			).toBe(true);
		}
	});

	it('lets Grace work on her own: a result, private entries and an action', async () => {
		const grace = await actorFor(demoSelfGuided.email);
		expect(grace.practices).toEqual({});
		const history = await listAssessmentHistory(t.ctx, { actor: grace, userId: grace.userId });
		expect(history.entries).toHaveLength(1);
		const entries = await listJournalEntries(t.ctx, { actor: grace });
		expect(entries.length).toBeGreaterThanOrEqual(3);
		expect(entries.every((e) => e.sharedAt === null)).toBe(true);
		expect((await listActions(t.ctx, { actor: grace })).open).toHaveLength(1);
	});

	it('has Rosa and her clients talking: replies, private notes and a retake asked for', async () => {
		let threads = 0;
		let notes = 0;
		for (const [name, client] of clients) {
			const seen = await getClientOverview(t.ctx, {
				actor: rosa,
				practiceId,
				clientId: client.userId
			});
			const onEntries = seen.sharedEntries!.filter((e) => e.replies.length > 0);
			const onReports = [...seen.actions!.open, ...seen.actions!.closed]
				.flatMap((a) => a.reports)
				.filter((r) => r.replies.length > 0);
			expect(onEntries.length + onReports.length, name).toBeGreaterThan(0);
			threads += onEntries.length + onReports.length;
			notes += seen.notes!.length;
			const replies = [...onEntries, ...onReports].flatMap((s) => s.replies);
			expect(replies.some((r) => !r.byClient) && replies.some((r) => r.byClient), name).toBe(true);
			expect(seen.reassessment !== null, name).toBe(name === 'Elif Yilmaz');
		}
		expect(threads).toBeGreaterThanOrEqual(12);
		expect(notes).toBeGreaterThanOrEqual(2);

		// Ben has not read Rosa's latest reply yet: it waits for him as new.
		const ben = clients.get('Ben Whitaker')!;
		const { open } = await listActions(t.ctx, { actor: ben });
		const waiting = await Promise.all(
			open.map((a) => getActionThreads(t.ctx, { actor: ben, actionId: a.id }))
		);
		const unread = waiting
			.flatMap((w) => Object.values(w.threads))
			.flatMap((thread) => thread.replies)
			.filter((r) => r.isNew);
		expect(unread).toHaveLength(1);
		expect(unread[0]!.byClient).toBe(false);
	});

	it('seeds every result, entry, action, report-back, reply and note the demo files hold', async () => {
		const { db } = t.ctx;
		const n = async (query: { executeTakeFirstOrThrow(): Promise<{ n: number }> }) =>
			Number((await query.executeTakeFirstOrThrow()).n);
		const all = (
			table: 'assessments' | 'journal_entries' | 'actions' | 'replies' | 'coach_notes'
		) => n(db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')));
		const reports = (skipped: boolean) =>
			n(
				db
					.selectFrom('action_reports')
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.where('skipped_at', skipped ? 'is not' : 'is', null)
			);
		const seeded = {
			results: await all('assessments'),
			entries: await all('journal_entries'),
			shared: await n(
				db
					.selectFrom('journal_entries')
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.where('shared_at', 'is not', null)
			),
			actions: await all('actions'),
			reportBacks: await reports(false),
			skips: await reports(true),
			replies: await all('replies'),
			notes: await all('coach_notes')
		};
		expect(seeded).toEqual(figuresOf([...demoClients, demoSelfGuided]));
		// The demo as it stood when its stories moved from code into data files (decision 0021).
		expect(seeded).toEqual({
			results: 27,
			entries: 46,
			shared: 24,
			actions: 23,
			reportBacks: 144,
			skips: 16,
			replies: 38,
			notes: 3
		});
	});

	it('sends the demo people no email: their addresses lead nowhere', async () => {
		expect(await t.ctx.db.selectFrom('jobs').selectAll().execute()).toEqual([]);
		// Even with overdue report-backs and a week of news for Rosa, the first round of reminders
		// and digests leaves the dev mailbox empty.
		expect(await sendDueReminders(t.ctx)).toBe(0);
		expect(await sendCoachDigests(t.ctx)).toBe(0);
		expect(await t.ctx.db.selectFrom('jobs').selectAll().execute()).toEqual([]);
	});

	it('changes nothing when seeded a second time', async () => {
		const tables = [
			'users',
			'memberships',
			'assessments',
			'journal_entries',
			'actions',
			'action_reports',
			'client_summaries',
			'replies',
			'coach_notes',
			'reassessments',
			'jobs'
		] as const;
		const count = async () =>
			Promise.all(
				tables.map(async (table) => {
					const row = await t.ctx.db
						.selectFrom(table)
						.select((eb) => eb.fn.countAll<number>().as('n'))
						.executeTakeFirstOrThrow();
					return `${table}: ${Number(row.n)}`;
				})
			);
		const before = await count();
		const again = await seedDemo(t.ctx);
		expect(again.created).toBe(false);
		expect(again.accounts.map((a) => a.email)).toContain('rosa@demo.midpoint.local');
		expect(await count()).toEqual(before);
	});
});
