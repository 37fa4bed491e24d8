import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate, todayFor, weekdayOf } from './dates.ts';
import {
	describeSchedule,
	dueState,
	firstOccurrence,
	isPausedOn,
	type Schedule
} from './schedule.ts';

// A fixed clock: Friday 27 November 2026, late evening UTC.
const now = new Date('2026-11-27T22:30:00.000Z');
const today = todayFor(now);
const none = new Set<string>();

describe('calendar days', () => {
	it('takes the UTC date as today and knows the weekday', () => {
		expect(today).toBe('2026-11-27');
		expect(weekdayOf(today)).toBe(5);
		expect(weekdayOf('2026-11-29')).toBe(7);
		expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
	});

	it('accepts only real dates written as year-month-day', () => {
		expect(isIsoDate('2026-12-03')).toBe(true);
		expect(isIsoDate('2026-02-30')).toBe(false);
		expect(isIsoDate('03/12/2026')).toBe(false);
		expect(isIsoDate('')).toBe(false);
	});
});

describe('a one-off action with a due date', () => {
	const schedule: Schedule = { type: 'date', dueOn: '2026-12-01' };

	it('is not due before its date, and says when it will be', () => {
		expect(dueState(schedule, none, today)).toEqual({
			due: null,
			next: '2026-12-01',
			skippable: null
		});
	});

	it('is due on its date and stays due after it until reported', () => {
		expect(dueState(schedule, none, '2026-12-01').due).toBe('2026-12-01');
		expect(dueState(schedule, none, '2026-12-09').due).toBe('2026-12-01');
	});

	it('asks nothing more once reported, or once closed', () => {
		expect(dueState(schedule, new Set(['2026-12-01']), '2026-12-02')).toEqual({
			due: null,
			next: null,
			skippable: null
		});
		expect(dueState(schedule, none, '2026-12-02', true).due).toBeNull();
	});

	it('reads as a date', () => {
		expect(describeSchedule(schedule, today)).toBe('By Tuesday 1 December');
	});
});

describe('a weekly rhythm', () => {
	// Committed on Friday 27 November, every Wednesday.
	const weekly: Schedule = { type: 'weekly', weekday: 3, startsOn: today, pausedUntil: null };

	it('starts on the first rhythm day after the day it was made', () => {
		expect(firstOccurrence(weekly)).toBe('2026-12-02');
		// Made on its own weekday, it is not due that same day, but a week later.
		const friday: Schedule = { ...weekly, weekday: 5 };
		expect(firstOccurrence(friday)).toBe('2026-12-04');
		expect(dueState(friday, none, today).due).toBeNull();
	});

	it('is due once this week’s day is reached', () => {
		expect(dueState(weekly, none, '2026-12-01')).toEqual({
			due: null,
			next: '2026-12-02',
			skippable: '2026-12-02'
		});
		expect(dueState(weekly, none, '2026-12-02').due).toBe('2026-12-02');
		expect(dueState(weekly, none, '2026-12-05').due).toBe('2026-12-02');
	});

	it('asks only for the latest week: a missed week is not owed later', () => {
		expect(dueState(weekly, none, '2026-12-16').due).toBe('2026-12-16');
	});

	it('moves on to next week once this week is reported', () => {
		const state = dueState(weekly, new Set(['2026-12-02']), '2026-12-03');
		expect(state).toEqual({ due: null, next: '2026-12-09', skippable: '2026-12-09' });
	});

	it('skips a week ahead of time without breaking the rhythm', () => {
		const settled = new Set(['2026-12-02']);
		expect(dueState(weekly, settled, '2026-12-01').next).toBe('2026-12-09');
		expect(dueState(weekly, settled, '2026-12-02').due).toBeNull();
		expect(dueState(weekly, settled, '2026-12-09').due).toBe('2026-12-09');
	});

	it('pauses until a day, then carries on on the same weekday', () => {
		const paused: Schedule = { ...weekly, pausedUntil: '2026-12-14' };
		expect(dueState(paused, none, '2026-12-10')).toEqual({
			due: null,
			next: '2026-12-16',
			skippable: '2026-12-16'
		});
		expect(dueState(paused, none, '2026-12-16').due).toBe('2026-12-16');
		expect(describeSchedule(paused, '2026-12-10')).toBe(
			'Every Wednesday, paused until Monday 14 December'
		);
		expect(describeSchedule(paused, '2026-12-16')).toBe('Every Wednesday');
	});

	it('does not count a week from before the pause once the pause is over', () => {
		const paused: Schedule = { ...weekly, pausedUntil: '2026-12-10' };
		// Wednesday 9 December fell inside the pause; the next is 16 December.
		expect(dueState(paused, none, '2026-12-12').due).toBeNull();
		expect(dueState(paused, none, '2026-12-12').next).toBe('2026-12-16');
	});
});

describe('a pause', () => {
	it('holds until the day before its date; on the date itself the rhythm counts again', () => {
		expect(isPausedOn('2026-12-10', '2026-12-09')).toBe(true);
		expect(isPausedOn('2026-12-10', '2026-12-10')).toBe(false);
		expect(isPausedOn('2026-12-10', '2026-12-11')).toBe(false);
		expect(isPausedOn(null, '2026-12-09')).toBe(false);
	});
});
