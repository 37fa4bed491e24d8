import { describe, expect, it } from 'vitest';
import { versionChanges } from './diff.ts';
import { DEFAULT_THRESHOLDS, progressOf } from './progress.ts';
import { scheduleOf } from './schedule.ts';
import { program, reading } from '../../../../tests/factories/programs.ts';

const start = new Date('2026-12-01T00:00:00Z');
const four = program([
	reading('one', { rule: 'right-away' }),
	reading('two', { rule: 'days-after-previous', days: 3 }),
	reading('three', { rule: 'after-previous' }),
	reading('four', { rule: 'days-after-start', days: 30 })
]);

function at(days: number) {
	return new Date(start.getTime() + days * 86_400_000);
}

describe('the schedule', () => {
	it('opens step 1 at the start and says step 2 comes three days after it is done', () => {
		const s = scheduleOf(four, { startAt: start, completions: new Map(), now: at(0) });
		expect(s.current).toMatchObject({ index: 0, open: true });
		expect(s.next).toMatchObject({ index: 1, arrival: { afterStep: 0, days: 3 } });
	});

	it('holds step 2 back for three days after step 1 is done, then opens it', () => {
		const completions = new Map([['one', at(1)]]);
		const early = scheduleOf(four, { startAt: start, completions, now: at(3) });
		expect(early.current).toMatchObject({ index: 1, open: false, arrival: { at: at(4) } });
		const due = scheduleOf(four, { startAt: start, completions, now: at(4) });
		expect(due.current).toMatchObject({ index: 1, open: true });
		expect(due.next).toMatchObject({ index: 2, arrival: { afterStep: 1, days: 0 } });
	});

	it('counts a step overdue from its due day, and no earlier than a resume', () => {
		const s = scheduleOf(four, { startAt: start, completions: new Map(), now: at(10) });
		expect(s.current?.overdueDays).toBe(3);
		const resumed = scheduleOf(four, {
			startAt: start,
			completions: new Map(),
			resumedAt: at(9),
			now: at(10)
		});
		expect(resumed.current?.overdueDays).toBe(0);
	});

	it('is finished when every step is done', () => {
		const completions = new Map(four.steps.map((s, i) => [s.id, at(i)]));
		expect(scheduleOf(four, { startAt: start, completions, now: at(40) })).toMatchObject({
			finished: true,
			current: null,
			done: 4
		});
	});
});

describe('progress', () => {
	const state = (now: Date, lastActivityAt = start, thresholds = DEFAULT_THRESHOLDS) =>
		progressOf({
			status: 'active',
			schedule: scheduleOf(four, { startAt: start, completions: new Map(), now }),
			lastActivityAt,
			now,
			thresholds
		});

	it('goes from on track to at risk at 3 days overdue and off track at 10', () => {
		expect(state(at(9))).toBe('on-track');
		expect(state(at(10))).toBe('at-risk');
		expect(state(at(17))).toBe('off-track');
	});

	it('reads the thresholds it is given', () => {
		expect(state(at(8), start, { atRiskDays: 1, offTrackDays: 5, inactiveDays: 21 })).toBe(
			'at-risk'
		);
	});

	it('is off track after three quiet weeks with a step open, but not while waiting', () => {
		const longDue = program([{ ...reading('a', { rule: 'right-away' }), dueDays: 60 }]);
		const now = at(21);
		const schedule = scheduleOf(longDue, { startAt: start, completions: new Map(), now });
		const input = { status: 'active' as const, schedule, now, thresholds: DEFAULT_THRESHOLDS };
		expect(progressOf({ ...input, lastActivityAt: start })).toBe('off-track');
		expect(progressOf({ ...input, lastActivityAt: at(2) })).toBe('on-track');
		const waiting = scheduleOf(program([reading('a', { rule: 'days-after-start', days: 40 })]), {
			startAt: start,
			completions: new Map(),
			now
		});
		expect(progressOf({ ...input, schedule: waiting, lastActivityAt: start })).toBe('on-track');
	});

	it('is paused or ended whatever the dates say', () => {
		const schedule = scheduleOf(four, { startAt: start, completions: new Map(), now: at(40) });
		const base = { schedule, now: at(40), lastActivityAt: start, thresholds: DEFAULT_THRESHOLDS };
		expect(progressOf({ ...base, status: 'paused' })).toBe('paused');
		expect(progressOf({ ...base, status: 'ended' })).toBe('ended');
	});
});

describe('what a new version would change', () => {
	it('lists added, changed and removed steps the person has not reached, by title', () => {
		const v2 = program([
			four.steps[0]!,
			{ ...four.steps[1]!, title: 'Reading two, rewritten' },
			reading('five', { rule: 'after-previous' }),
			four.steps[3]!
		]);
		expect(versionChanges(four, v2, new Set(['one']))).toEqual([
			{ change: 'changed', title: 'Reading two, rewritten' },
			{ change: 'added', title: 'Reading five' },
			{ change: 'removed', title: 'Reading three' }
		]);
		expect(versionChanges(four, four, new Set())).toEqual([]);
	});
});
