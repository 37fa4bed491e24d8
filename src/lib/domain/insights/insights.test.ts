import { describe, expect, it } from 'vitest';
import { formatShortDate } from '../../format.ts';
import {
	lastMonths,
	lastWeeks,
	monthIndex,
	weekIndex,
	weekStartOf,
	windowStart
} from './calendar.ts';
import { buildConsistency, occurrencesBetween } from './consistency.ts';
import { buildDisciplines, parseDisciplines } from './disciplines.ts';
import { buildLedger, ledgerNextStep, LEDGER_GROUP_OF } from './ledger.ts';

// A fixed clock: Friday 27 November 2026, 09:00 UTC. Its ISO week opens on Monday 23 November.
const NOW = new Date('2026-11-27T09:00:00.000Z');

describe('calendar', () => {
	it('finds the Monday of an ISO week, Sunday included in the week before', () => {
		expect(weekStartOf('2026-11-27')).toBe('2026-11-23');
		expect(weekStartOf('2026-11-23')).toBe('2026-11-23');
		expect(weekStartOf('2026-11-22')).toBe('2026-11-16');
		expect(weekStartOf('2027-01-01')).toBe('2026-12-28');
	});

	it('lists the last 12 weeks oldest first, ending with this week', () => {
		const weeks = lastWeeks(NOW, 12);
		expect(weeks).toHaveLength(12);
		expect(weeks[0]).toEqual({ start: '2026-09-07', end: '2026-09-13', current: false });
		expect(weeks[11]).toEqual({ start: '2026-11-23', end: '2026-11-29', current: true });
		expect(windowStart(weeks)).toBe('2026-09-07T00:00:00.000Z');
		expect(weekIndex(weeks, '2026-09-06')).toBe(-1);
		expect(weekIndex(weeks, '2026-09-07')).toBe(0);
		expect(weekIndex(weeks, '2026-11-29')).toBe(11);
		expect(weekIndex(weeks, '2026-11-30')).toBe(-1);
	});

	it('treats the last moment of Sunday and the first of Monday in UTC as different weeks', () => {
		expect(lastWeeks(new Date('2026-11-29T23:59:59.999Z'), 1)[0]!.start).toBe('2026-11-23');
		expect(lastWeeks(new Date('2026-11-30T00:00:00.000Z'), 1)[0]!.start).toBe('2026-11-30');
	});

	it('lists the last 6 months across a year end, with the year where it helps', () => {
		const months = lastMonths(new Date('2027-02-10T12:00:00.000Z'), 6);
		expect(months.map((m) => m.key)).toEqual([
			'2026-09',
			'2026-10',
			'2026-11',
			'2026-12',
			'2027-01',
			'2027-02'
		]);
		expect(months.map((m) => m.label)).toEqual([
			'Sept 2026', // as in every other date: "3 Sept 2026"
			'Oct',
			'Nov',
			'Dec',
			'Jan 2027',
			'Feb'
		]);
		expect(months[0]!.label.split(' ')[0]).toBe(formatShortDate('2026-09-03').split(' ')[1]);
		expect(months[5]!.current).toBe(true);
		expect(windowStart(months)).toBe('2026-09-01T00:00:00.000Z');
		expect(monthIndex(months, '2026-12-31T23:59:59.000Z')).toBe(3);
		expect(monthIndex(months, '2026-08-31T23:59:59.000Z')).toBe(-1);
	});
});

describe('reciprocity ledger', () => {
	it('groups every action kind, with step-back counted as asking', () => {
		expect(LEDGER_GROUP_OF).toEqual({
			'ask-help': 'asked',
			'step-back': 'asked',
			'offer-help': 'offered',
			together: 'together',
			'decide-share': 'alone'
		});
	});

	it('counts done and partly by the week of the occurrence, and nothing else', () => {
		const ledger = buildLedger(
			[
				{ kind: 'ask-help', occurrence: '2026-11-24', outcome: 'done' },
				{ kind: 'step-back', occurrence: '2026-11-27', outcome: 'partly' },
				{ kind: 'ask-help', occurrence: '2026-11-25', outcome: 'not-yet' },
				{ kind: 'offer-help', occurrence: '2026-11-18', outcome: 'done' },
				{ kind: 'offer-help', occurrence: '2026-11-11', outcome: null },
				{ kind: 'together', occurrence: '2026-09-07', outcome: 'done' },
				{ kind: 'together', occurrence: '2026-09-06', outcome: 'done' }, // before the window
				{ kind: 'decide-share', occurrence: '2026-10-01', outcome: 'done' }
			],
			NOW
		);
		expect(ledger.weeks).toHaveLength(12);
		expect(ledger.weeks[11]).toMatchObject({ start: '2026-11-23', asked: 2, total: 2 });
		expect(ledger.weeks[10]).toMatchObject({ start: '2026-11-16', offered: 1, total: 1 });
		expect(ledger.weeks[9]!.total).toBe(0);
		expect(ledger.weeks[0]).toMatchObject({ label: '7 Sept', together: 1 });
		expect(ledger.totals).toEqual({ asked: 2, offered: 1, together: 1, alone: 1 });
		expect(ledger.total).toBe(5);
		expect(ledger.reading).toBe(
			'Over the last 12 weeks you asked twice, offered once, did one thing together and decided one thing alone and then shared.'
		);
	});

	it('reads the example sentence and leaves out deciding alone when there is none', () => {
		const reports = [
			...Array.from({ length: 3 }, () => ({ kind: 'ask-help' as const, outcome: 'done' as const })),
			...Array.from({ length: 5 }, () => ({
				kind: 'offer-help' as const,
				outcome: 'done' as const
			})),
			...Array.from({ length: 4 }, () => ({ kind: 'together' as const, outcome: 'done' as const }))
		].map((r) => ({ ...r, occurrence: '2026-11-02' }));
		expect(buildLedger(reports, NOW).reading).toBe(
			'Over the last 12 weeks you asked 3 times, offered 5 times and did 4 things together.'
		);
	});

	it('is kind and useful when empty, and suggests what is missing', () => {
		const empty = buildLedger([], NOW);
		expect(empty.total).toBe(0);
		expect(empty.weeks.every((w) => w.total === 0)).toBe(true);
		expect(empty.reading).toContain('When you report back on one, it shows up here.');
		expect(ledgerNextStep(empty.totals)).toContain('Pick one small action');
		expect(ledgerNextStep({ asked: 1, offered: 1, together: 0, alone: 0 })).toContain('together');
		expect(ledgerNextStep({ asked: 0, offered: 1, together: 1, alone: 0 })).toContain('asking');
		expect(ledgerNextStep({ asked: 1, offered: 0, together: 1, alone: 0 })).toContain('offering');
	});
});

describe('disciplines over time', () => {
	it('parses stored tags tolerantly', () => {
		expect(parseDisciplines('["commitment","perspective","commitment"]')).toEqual([
			'commitment',
			'perspective'
		]);
		expect(parseDisciplines('["nonsense", 3]')).toEqual([]);
		expect(parseDisciplines('not json')).toEqual([]);
		expect(parseDisciplines('{"a":1}')).toEqual([]);
	});

	it('counts entries and actions per month and discipline, inside the last 6 months', () => {
		const result = buildDisciplines(
			[
				{ createdAt: '2026-11-02T10:00:00.000Z', disciplines: '["self-awareness","perspective"]' },
				{ createdAt: '2026-11-20T10:00:00.000Z', disciplines: '["self-awareness"]' },
				{ createdAt: '2026-06-30T23:59:59.000Z', disciplines: '["commitment"]' },
				{ createdAt: '2026-05-31T23:59:59.000Z', disciplines: '["commitment"]' }, // too old
				{ createdAt: '2026-10-01T00:00:00.000Z', disciplines: '[]' }
			],
			[
				{ createdAt: '2026-11-03T08:00:00.000Z', discipline: 'self-awareness' },
				{ createdAt: '2026-09-15T08:00:00.000Z', discipline: 'discernment' },
				{ createdAt: '2026-09-15T08:00:00.000Z', discipline: 'unknown' }
			],
			NOW
		);
		expect(result.months.map((m) => m.key)).toEqual([
			'2026-06',
			'2026-07',
			'2026-08',
			'2026-09',
			'2026-10',
			'2026-11'
		]);
		const nov = result.months[5]!.counts;
		expect(nov['self-awareness']).toEqual({ journal: 2, actions: 1, total: 3 });
		expect(nov.perspective).toEqual({ journal: 1, actions: 0, total: 1 });
		expect(result.months[0]!.counts.commitment.total).toBe(1);
		expect(result.months[3]!.counts.discernment).toEqual({ journal: 0, actions: 1, total: 1 });
		expect(result.series.map((s) => [s.discipline, s.total])).toEqual([
			['self-awareness', 3],
			['discernment', 1],
			['commitment', 1],
			['perspective', 1]
		]);
		expect(result.max).toBe(3);
		expect(result.total).toBe(6);
		expect(result.reading).toBe(
			'Over the last 6 months, your entries and actions were tagged: self-awareness 3, discernment 1, commitment 1 and perspective 1. The least used is discernment: give it a turn next.'
		);
	});

	it('names the quiet disciplines, and is kind when nothing is tagged', () => {
		const some = buildDisciplines(
			[{ createdAt: '2026-11-02T10:00:00.000Z', disciplines: '["commitment"]' }],
			[],
			NOW
		);
		expect(some.reading).toContain(
			'Nothing yet for self-awareness, discernment and perspective: try it in your next entry.'
		);
		const none = buildDisciplines([], [], NOW);
		expect(none.total).toBe(0);
		expect(none.max).toBe(1);
		expect(none.reading).toContain('Tag your next journal entry or action');
	});
});

describe('consistency', () => {
	const weekly = (
		weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7,
		startsOn: string,
		pausedUntil: string | null = null
	) => ({ type: 'weekly', weekday, startsOn, pausedUntil }) as const;

	it('lists a rhythm’s occurrences inside a range', () => {
		// Every Wednesday from a Friday start: the first is the next Wednesday.
		expect(occurrencesBetween(weekly(3, '2026-10-30'), '2026-09-07', '2026-11-27')).toEqual([
			'2026-11-04',
			'2026-11-11',
			'2026-11-18',
			'2026-11-25'
		]);
		expect(occurrencesBetween(weekly(3, '2026-01-02'), '2026-11-16', '2026-11-27')).toEqual([
			'2026-11-18',
			'2026-11-25'
		]);
		expect(
			occurrencesBetween(weekly(3, '2026-10-30', '2026-11-20'), '2026-09-07', '2026-11-27')
		).toEqual(['2026-11-25']);
		expect(
			occurrencesBetween({ type: 'date', dueOn: '2026-11-10' }, '2026-09-07', '2026-11-27')
		).toEqual(['2026-11-10']);
		expect(
			occurrencesBetween({ type: 'date', dueOn: '2026-12-01' }, '2026-09-07', '2026-11-27')
		).toEqual([]);
	});

	it('fills reported weeks, outlines missed ones, rests skipped ones and keeps this week open', () => {
		const result = buildConsistency(
			[
				{ id: 'a', schedule: weekly(3, '2026-10-30'), closedOn: null },
				{ id: 'b', schedule: { type: 'date', dueOn: '2026-10-06' }, closedOn: null },
				{ id: 'c', schedule: { type: 'date', dueOn: '2026-09-15' }, closedOn: '2026-09-14' }
			],
			[
				{ actionId: 'a', occurrence: '2026-11-04', outcome: 'done' },
				{ actionId: 'a', occurrence: '2026-11-11', outcome: 'not-yet' },
				{ actionId: 'a', occurrence: '2026-11-18', outcome: null }, // skipped
				{ actionId: 'x', occurrence: '2026-09-08', outcome: 'done' } // an action closed since
			],
			NOW
		);
		const states = Object.fromEntries(result.weeks.map((w) => [w.start, w.state]));
		expect(states).toEqual({
			'2026-09-07': 'reported',
			'2026-09-14': 'quiet', // closed before its date
			'2026-09-21': 'quiet',
			'2026-09-28': 'quiet',
			'2026-10-05': 'missed',
			'2026-10-12': 'quiet',
			'2026-10-19': 'quiet',
			'2026-10-26': 'quiet',
			'2026-11-02': 'reported',
			'2026-11-09': 'reported',
			'2026-11-16': 'quiet',
			'2026-11-23': 'waiting'
		});
		expect(result.reported).toBe(3);
		expect(result.missed).toBe(1);
		expect(result.run).toBe(2);
		expect(result.reading).toBe(
			'You reported back in 3 of the last 12 weeks. One week went by without one. That happens: the rhythm picks up again with the next one. You are on a run of 2 weeks in a row.'
		);
		expect(result.next).toContain('waiting for you this week');
	});

	it('does not count an occurrence later today as missed before it is reached', () => {
		// Due Saturday 28 November: after today, so the week is quiet.
		const result = buildConsistency(
			[{ id: 'a', schedule: { type: 'date', dueOn: '2026-11-28' }, closedOn: null }],
			[],
			NOW
		);
		expect(result.weeks[11]!.state).toBe('quiet');
	});

	it('says what to do when nothing has been due', () => {
		const result = buildConsistency([], [], NOW);
		expect(result.weeks.every((w) => w.state === 'quiet')).toBe(true);
		expect(result.reading).toBe('Nothing was due in the last 12 weeks.');
		expect(result.next).toContain('Commit to one small action');
	});
});
