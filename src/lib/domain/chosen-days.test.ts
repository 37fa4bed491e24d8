import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './actions/dates.ts';
import { dueDateProblem, MAX_DAYS_AHEAD, pauseDateProblem } from './chosen-days.ts';

const today = '2026-11-27';
/** Any day from two years back to two years ahead of today. */
const anyDay = fc.integer({ min: -730, max: 730 }).map((n) => ({ n, day: addDays(today, n) }));

describe('a due date', () => {
	it('takes today or a later day within a year', () => {
		expect(dueDateProblem(today, today)).toBeNull();
		expect(dueDateProblem('2026-11-28', today)).toBeNull();
		expect(dueDateProblem(addDays(today, MAX_DAYS_AHEAD), today)).toBeNull();
	});

	it('says what is wrong with a missing, impossible, past or far-off day', () => {
		expect(dueDateProblem('', today)).toBe('Pick the day you want to have done it by.');
		expect(dueDateProblem(undefined, today)).toBe('Pick the day you want to have done it by.');
		expect(dueDateProblem('  ', today, 'Pick the day for the retake.')).toBe(
			'Pick the day for the retake.'
		);
		expect(dueDateProblem('2026-02-30', today)).toMatch(/year-month-day/);
		expect(dueDateProblem('27/11/2026', today)).toMatch(/year-month-day/);
		expect(dueDateProblem('2026-11-26', today)).toBe(
			'That day has already passed. Pick today or a later day.'
		);
		expect(dueDateProblem(addDays(today, MAX_DAYS_AHEAD + 1), today)).toBe(
			'Pick a day within the next year.'
		);
	});

	it('accepts exactly the days from today to a year ahead', () => {
		fc.assert(
			fc.property(anyDay, ({ n, day }) => {
				expect(dueDateProblem(day, today) === null).toBe(n >= 0 && n <= MAX_DAYS_AHEAD);
			})
		);
	});
});

describe('the day a pause ends', () => {
	it('takes a day after today within a year, and says what is wrong otherwise', () => {
		expect(pauseDateProblem('2026-11-28', today)).toBeNull();
		expect(pauseDateProblem(today, today)).toBe('Pick a day after today.');
		expect(pauseDateProblem('', today)).toBe('Pick the day your rhythm starts again.');
		expect(pauseDateProblem('2026-13-01', today)).toMatch(/year-month-day/);
		expect(pauseDateProblem(addDays(today, MAX_DAYS_AHEAD + 1), today)).toBe(
			'Pick a day within the next year.'
		);
	});

	it('accepts exactly the days from tomorrow to a year ahead', () => {
		fc.assert(
			fc.property(anyDay, ({ n, day }) => {
				expect(pauseDateProblem(day, today) === null).toBe(n >= 1 && n <= MAX_DAYS_AHEAD);
			})
		);
	});
});
