import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, buildCoach } from '../../../../tests/factories/accounts.ts';
import type { ReportInput } from '../../domain/actions/schemas.ts';
import { closeAction } from '../actions/close-action.ts';
import { createAction } from '../actions/create-action.ts';
import { reportBack } from '../actions/report-back.ts';
import { saveJournalEntry } from '../journal/save-journal-entry.ts';
import { getHomeInsights } from './get-home-insights.ts';
import { clientActor, newAction, reportOn } from '../../../../tests/factories/actions.ts';

const DAY = 24 * 60 * 60 * 1000;
const SECRET = 'A sentence only the journal holds: the kettle sings at midnight.';

const report = (occurrence: string, overrides: Partial<ReportInput> = {}) =>
	reportOn(occurrence, {
		happened: 'It went well.',
		measure: null,
		measureLabel: null,
		...overrides
	});

describe.each(testDialects())('home insights on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('is kind and empty for someone who has done nothing yet', async () => {
		const client = await buildClient(t.ctx);
		const insights = await getHomeInsights(t.ctx, { actor: clientActor(client.userId) });
		expect(insights.ledger.weeks).toHaveLength(12);
		expect(insights.ledger.total).toBe(0);
		expect(insights.consistency.weeks.every((w) => w.state === 'quiet')).toBe(true);
		expect(insights.consistency.next).toContain('Commit to one small action');
		expect(insights.disciplines.months).toHaveLength(6);
		expect(insights.disciplines.total).toBe(0);
	});

	it('charts one person’s report-backs, rhythm and tags, and never another person’s', async () => {
		const coach = await buildCoach(t.ctx);
		const client = await buildClient(t.ctx, { coach });
		const other = await buildClient(t.ctx, { coach });
		const actor = clientActor(client.userId, coach.practiceId);
		const otherActor = clientActor(other.userId, coach.practiceId);

		// Friday 27 November 2026: three actions and one journal entry.
		const weekly = await createAction(t.ctx, {
			actor,
			action: newAction({ kind: 'ask-help', schedule: { type: 'weekly', weekday: 3 } })
		});
		const together = await createAction(t.ctx, {
			actor,
			action: newAction({
				kind: 'together',
				discipline: 'perspective',
				schedule: { type: 'date', dueOn: '2026-11-30' }
			})
		});
		const offer = await createAction(t.ctx, {
			actor,
			action: newAction({
				kind: 'offer-help',
				discipline: 'commitment',
				schedule: { type: 'date', dueOn: '2026-12-01' }
			})
		});
		await saveJournalEntry(t.ctx, {
			actor,
			step: 'examine',
			promptId: 'examine-independent-when',
			body: SECRET,
			domains: ['TEAM'],
			disciplines: ['self-awareness', 'perspective']
		});

		// Someone else in the same practice is busy too: none of it may show up for the client.
		const theirs = await createAction(t.ctx, {
			actor: otherActor,
			action: newAction({
				kind: 'decide-share',
				discipline: 'commitment',
				schedule: { type: 'date', dueOn: '2026-11-30' }
			})
		});
		await saveJournalEntry(t.ctx, {
			actor: otherActor,
			step: 'examine',
			promptId: 'examine-independent-when',
			body: 'Their own words.',
			domains: ['FAM'],
			disciplines: ['commitment', 'discernment']
		});

		t.clock.advance(3 * DAY); // Monday 30 November
		await reportBack(t.ctx, { actor, actionId: together.id, report: report('2026-11-30') });
		await reportBack(t.ctx, {
			actor: otherActor,
			actionId: theirs.id,
			report: report('2026-11-30')
		});
		t.clock.advance(DAY); // Tuesday 1 December
		await reportBack(t.ctx, {
			actor,
			actionId: offer.id,
			report: report('2026-12-01', { outcome: 'partly' })
		});
		t.clock.advance(DAY); // Wednesday 2 December
		await reportBack(t.ctx, { actor, actionId: weekly.id, report: report('2026-12-02') });
		// Wednesday 9 December passes without a report-back.
		t.clock.advance(14 * DAY); // Wednesday 16 December
		await reportBack(t.ctx, {
			actor,
			actionId: weekly.id,
			report: report('2026-12-16', { outcome: 'not-yet', mutuality: null, compared: null })
		});

		const insights = await getHomeInsights(t.ctx, { actor });

		// The ledger: 'not yet' does not count; the other client's 'decide alone' does not appear.
		expect(insights.ledger.totals).toEqual({ asked: 1, offered: 1, together: 1, alone: 0 });
		const week = insights.ledger.weeks.find((w) => w.start === '2026-11-30')!;
		expect(week).toMatchObject({ asked: 1, offered: 1, together: 1, alone: 0, total: 3 });
		expect(insights.ledger.weeks.at(-1)!.start).toBe('2026-12-14');
		expect(insights.ledger.reading).toBe(
			'Over the last 12 weeks you asked once, offered once and did one thing together.'
		);

		// Consistency: reported, then a missed Wednesday, then reported ('not yet' is a report).
		const states = insights.consistency.weeks.slice(-4).map((w) => [w.start, w.state]);
		expect(states).toEqual([
			['2026-11-23', 'quiet'],
			['2026-11-30', 'reported'],
			['2026-12-07', 'missed'],
			['2026-12-14', 'reported']
		]);
		expect(insights.consistency).toMatchObject({ reported: 2, missed: 1, run: 1 });

		// Disciplines: the entry's two tags and the three actions, all in November.
		const november = insights.disciplines.months.find((m) => m.key === '2026-11')!;
		expect(november.counts).toEqual({
			'self-awareness': { journal: 1, actions: 0, total: 1 },
			discernment: { journal: 0, actions: 1, total: 1 },
			commitment: { journal: 0, actions: 1, total: 1 },
			perspective: { journal: 1, actions: 1, total: 2 }
		});
		expect(insights.disciplines.total).toBe(5);
		expect(insights.disciplines.months.at(-1)!.key).toBe('2026-12');

		// Nothing readable from the journal travels with the insights.
		expect(JSON.stringify(insights)).not.toContain('kettle');

		// The other client sees only their own.
		const theirInsights = await getHomeInsights(t.ctx, { actor: otherActor });
		expect(theirInsights.ledger.totals).toEqual({ asked: 0, offered: 0, together: 0, alone: 1 });
		expect(theirInsights.disciplines.series.map((s) => [s.discipline, s.total])).toEqual([
			['self-awareness', 0],
			['discernment', 1],
			['commitment', 2],
			['perspective', 0]
		]);
		expect(theirInsights.consistency.reported).toBe(1);

		// The coach's own home shows the coach's own (empty) rhythm, not the clients'.
		const coachInsights = await getHomeInsights(t.ctx, {
			actor: { userId: coach.userId, practices: { [coach.practiceId]: ['admin', 'coach'] } }
		});
		expect(coachInsights.ledger.total).toBe(0);
		expect(coachInsights.disciplines.total).toBe(0);
		expect(coachInsights.consistency.reported).toBe(0);
	});

	it('stops asking once an action is closed, and keeps what was reported before', async () => {
		const client = await buildClient(t.ctx);
		const actor = clientActor(client.userId);
		const { id } = await createAction(t.ctx, {
			actor,
			action: newAction({ kind: 'step-back', schedule: { type: 'weekly', weekday: 3 } })
		});
		t.clock.advance(5 * DAY); // Wednesday 2 December
		await reportBack(t.ctx, { actor, actionId: id, report: report('2026-12-02') });
		t.clock.advance(DAY);
		await closeAction(t.ctx, { actor, actionId: id });
		t.clock.advance(20 * DAY); // Wednesday 23 December: two Wednesdays after closing
		const insights = await getHomeInsights(t.ctx, { actor });
		expect(insights.consistency.weeks.slice(-4).map((w) => w.state)).toEqual([
			'reported',
			'quiet',
			'quiet',
			'quiet'
		]);
		expect(insights.consistency.missed).toBe(0);
		// Stepping back is counted with asking: both hand part of the load to someone else.
		expect(insights.ledger.totals.asked).toBe(1);
	});
});
