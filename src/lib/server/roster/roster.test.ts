import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, buildCoach } from '../../../../tests/factories/accounts.ts';
import { clientActor, newAction, reportOn } from '../../../../tests/factories/actions.ts';
import { completeAssessment } from '../../../../tests/factories/assessments.ts';
import type { Actor } from '../../domain/policies.ts';
import type { RosterQuery } from './list-roster.ts';
import { listRoster } from './list-roster.ts';
import { createAction } from '../actions/create-action.ts';
import { reportBack } from '../actions/report-back.ts';
import { saveJournalEntry } from '../journal/save-journal-entry.ts';
import { setJournalEntrySharing } from '../journal/set-journal-entry-sharing.ts';
import { addMembership } from '../practices/repository.ts';
import { postReply } from '../replies/post-reply.ts';
import { markRepliesRead } from '../replies/repository.ts';

const DAY = 24 * 60 * 60 * 1000;

describe.each(testDialects())('the roster on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	const query = (actor: Actor, practiceId: string, more: Partial<RosterQuery> = {}) =>
		listRoster(t.ctx, {
			actor,
			practiceId,
			sort: 'name',
			filter: 'all',
			search: '',
			page: 1,
			scope: 'mine',
			...more
		});

	async function practiceWithColleague() {
		const coach = await buildCoach(t.ctx, { name: 'Rosa' });
		const colleague = await buildClient(t.ctx, { name: 'Colm' });
		await t.ctx.db
			.updateTable('users')
			.set({ kind: 'coach' })
			.where('id', '=', colleague.userId)
			.execute();
		await addMembership(t.ctx.db, {
			id: randomUUID(),
			practiceId: coach.practiceId,
			userId: colleague.userId,
			role: 'coach',
			at: t.ctx.now().toISOString()
		});
		const rosa: Actor = {
			userId: coach.userId,
			practices: { [coach.practiceId]: ['admin', 'coach'] }
		};
		const colm: Actor = { userId: colleague.userId, practices: { [coach.practiceId]: ['coach'] } };
		return { coach, rosa, colm, colleague };
	}

	it('lists a coach their own clients only; the admin may widen it to the practice', async () => {
		const { coach, rosa, colm, colleague } = await practiceWithColleague();
		await buildClient(t.ctx, { coach, name: 'Iris' });
		await buildClient(t.ctx, { coach, name: 'Abe' });
		await buildClient(t.ctx, {
			coach: { userId: colleague.userId, practiceId: coach.practiceId },
			name: 'Zoe'
		});

		expect((await query(rosa, coach.practiceId)).rows.map((r) => r.name)).toEqual(['Abe', 'Iris']);
		expect((await query(colm, coach.practiceId)).rows.map((r) => r.name)).toEqual(['Zoe']);
		// Colm is not an admin: asking for everyone still shows his own clients.
		expect((await query(colm, coach.practiceId, { scope: 'all' })).rows.map((r) => r.name)).toEqual(
			['Zoe']
		);
		const all = await query(rosa, coach.practiceId, { scope: 'all' });
		expect(all.rows.map((r) => [r.name, r.coachName])).toEqual([
			['Abe', 'Rosa'],
			['Iris', 'Rosa'],
			['Zoe', 'Colm']
		]);
	});

	it('refuses clients and coaches of another practice', async () => {
		const { coach } = await practiceWithColleague();
		const client = await buildClient(t.ctx, { coach });
		const elsewhere = await buildCoach(t.ctx);
		for (const actor of [
			clientActor(client.userId, coach.practiceId),
			{
				userId: elsewhere.userId,
				practices: { [elsewhere.practiceId]: ['admin', 'coach'] }
			} as Actor,
			// Even naming the practice in the actor's own claims does not help a client.
			{ userId: client.userId, practices: { [coach.practiceId]: ['client'] } } as Actor
		]) {
			await expect(query(actor, coach.practiceId)).rejects.toMatchObject({ code: 'not_found' });
		}
	});

	it('shows position, the reliable-change mark, and what is new since the coach looked', async () => {
		const { coach, rosa } = await practiceWithColleague();
		const iris = await buildClient(t.ctx, { coach, name: 'Iris' });
		const start = t.ctx.now().getTime();
		await completeAssessment(t.ctx, {
			userId: iris.userId,
			practiceId: coach.practiceId,
			lean: { DEP: 1, IND: 5, MUT: 2 },
			date: new Date(start - 90 * DAY)
		});
		await completeAssessment(t.ctx, {
			userId: iris.userId,
			practiceId: coach.practiceId,
			lean: { DEP: 3, IND: 3, MUT: 4 },
			date: new Date(start - 2 * DAY)
		});
		let row = (await query(rosa, coach.practiceId)).rows[0]!;
		expect(row.position).not.toBeNull();
		expect(row.status.change).toBeGreaterThan(0); // from strongly independent towards the midpoint
		expect(row.status.changeKind).toBe('reliable');
		expect(row.status.hasNew).toBe(false);

		const me = clientActor(iris.userId, coach.practiceId);
		const entry = await saveJournalEntry(t.ctx, {
			actor: me,
			step: 'resonate',
			promptId: 'resonate-together',
			domains: [],
			disciplines: [],
			body: 'We planned the trip together.'
		});
		await saveJournalEntry(t.ctx, {
			actor: me,
			step: 'resonate',
			promptId: 'resonate-together',
			domains: [],
			disciplines: [],
			body: 'Private.'
		});
		t.clock.advance(1000);
		await setJournalEntrySharing(t.ctx, { actor: me, id: entry.id, shared: true });
		row = (await query(rosa, coach.practiceId)).rows[0]!;
		expect(row.status.hasNew).toBe(true);
		expect(row.newEntries).toBe(1); // the private entry is not counted
		expect((await query(rosa, coach.practiceId, { filter: 'new' })).rows).toHaveLength(1);

		// The coach opens the client: nothing is new any more.
		t.clock.advance(1000);
		await t.ctx.db
			.updateTable('client_summaries')
			.set({ coach_seen_at: t.ctx.now().toISOString() })
			.where('client_id', '=', iris.userId)
			.execute();
		row = (await query(rosa, coach.practiceId)).rows[0]!;
		expect([row.status.hasNew, row.newEntries]).toEqual([false, 0]);
		expect((await query(rosa, coach.practiceId, { filter: 'new' })).rows).toHaveLength(0);

		// The client replies on the entry: new for the coach until a coach reads it.
		const { id: replyId } = await postReply(t.ctx, {
			actor: me,
			subjectType: 'entry',
			subjectId: entry.id,
			body: 'One more thought on the trip.',
			baseUrl: 'http://localhost:3000'
		});
		row = (await query(rosa, coach.practiceId)).rows[0]!;
		expect([row.status.hasNew, row.newReplies]).toEqual([true, 1]);
		expect(row.lastActivityAt).toBe(t.ctx.now().toISOString());
		expect((await query(rosa, coach.practiceId, { filter: 'new' })).counts.new).toBe(1);
		await markRepliesRead(t.ctx.db, [replyId], t.ctx.now().toISOString());
		row = (await query(rosa, coach.practiceId)).rows[0]!;
		expect([row.status.hasNew, row.newReplies]).toEqual([false, 0]);
	});

	it('marks a report-back overdue once its day has passed, and clears it when reported', async () => {
		const { coach, rosa } = await practiceWithColleague();
		const ben = await buildClient(t.ctx, { coach, name: 'Ben' });
		await buildClient(t.ctx, { coach, name: 'Ada' });
		const me = clientActor(ben.userId, coach.practiceId);
		const { id } = await createAction(t.ctx, { actor: me, action: newAction() }); // due Tue 1 Dec
		t.clock.advance(4 * DAY); // Tuesday: due today, not overdue yet
		expect((await query(rosa, coach.practiceId, { filter: 'overdue' })).rows).toHaveLength(0);
		t.clock.advance(2 * DAY); // Thursday
		const overdue = await query(rosa, coach.practiceId, { filter: 'overdue' });
		expect(overdue.rows.map((r) => [r.name, r.status.overdue, r.status.overdueSince])).toEqual([
			['Ben', 1, '2026-12-01']
		]);
		expect(overdue.counts.overdue).toBe(1);
		expect((await query(rosa, coach.practiceId, { sort: 'overdue' })).rows[0]!.name).toBe('Ben');

		await reportBack(t.ctx, { actor: me, actionId: id, report: reportOn('2026-12-01') });
		const after = await query(rosa, coach.practiceId);
		expect(after.counts.overdue).toBe(0);
		expect(after.rows.find((r) => r.name === 'Ben')!.newReports).toBe(1);
	});

	it('searches, filters by lean, sorts and pages', async () => {
		const { coach, rosa } = await practiceWithColleague();
		for (let i = 0; i < 30; i++)
			await buildClient(t.ctx, {
				coach,
				name: `Client ${String(i).padStart(2, '0')}`,
				email: `c${i}@example.com`
			});
		const leaning = await buildClient(t.ctx, { coach, name: 'Lena Lean' });
		await completeAssessment(t.ctx, {
			userId: leaning.userId,
			practiceId: coach.practiceId,
			lean: { DEP: 1, IND: 5, MUT: 2 },
			date: new Date(t.ctx.now().getTime() - DAY)
		});

		const first = await query(rosa, coach.practiceId);
		expect([first.total, first.rows.length, first.pages, first.page]).toEqual([31, 25, 2, 1]);
		const second = await query(rosa, coach.practiceId, { page: 2 });
		expect(second.rows.map((r) => r.name)).toEqual([
			'Client 25',
			'Client 26',
			'Client 27',
			'Client 28',
			'Client 29',
			'Lena Lean'
		]);
		// A page past the end shows the last page rather than nothing.
		expect((await query(rosa, coach.practiceId, { page: 99 })).page).toBe(2);

		expect(
			(await query(rosa, coach.practiceId, { search: 'lena' })).rows.map((r) => r.name)
		).toEqual(['Lena Lean']);
		expect(
			(await query(rosa, coach.practiceId, { search: 'C7@EXAMPLE' })).rows.map((r) => r.name)
		).toEqual(['Client 07']);
		expect(
			(await query(rosa, coach.practiceId, { filter: 'independent' })).rows.map((r) => r.name)
		).toEqual(['Lena Lean']);
		expect((await query(rosa, coach.practiceId, { filter: 'none' })).matching).toBe(30);
		// Those without a result sort after those with one.
		expect((await query(rosa, coach.practiceId, { sort: 'position' })).rows[0]!.name).toBe(
			'Lena Lean'
		);
	});

	it('summarises clients whose history predates the roster on first view', async () => {
		const { coach, rosa } = await practiceWithColleague();
		const old = await buildClient(t.ctx, { coach, name: 'Olu' });
		await completeAssessment(t.ctx, {
			userId: old.userId,
			practiceId: coach.practiceId,
			lean: { DEP: 5, IND: 1, MUT: 2 },
			date: new Date(t.ctx.now().getTime() - DAY)
		});
		await t.ctx.db.deleteFrom('client_summaries').execute();
		const row = (await query(rosa, coach.practiceId)).rows[0]!;
		expect(row.status.lean).toBe('dependent');
	});
});
