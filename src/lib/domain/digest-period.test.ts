import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weekdayOf } from './actions/dates.ts';
import { DIGEST_HOUR_UTC, digestNewsSince, digestPeriod } from './digest-period.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** Any moment from 2026 to the end of 2030. */
const anyMoment = fc
	.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2030, 11, 31) })
	.map((ms) => new Date(ms));
const frequency = fc.constantFrom('daily' as const, 'weekly' as const);

describe('the period a digest covers', () => {
	it('opens a daily digest at 07:00 each day and a weekly one at 07:00 on Monday', () => {
		// Monday 30 November 2026.
		expect(digestPeriod('daily', 'c1', new Date('2026-11-30T06:59:59Z'))).toBeNull();
		expect(digestPeriod('daily', 'c1', new Date('2026-11-30T07:00:00Z'))).toEqual({
			start: '2026-11-30',
			opensAt: new Date('2026-11-30T07:00:00Z'),
			closesAt: new Date('2026-12-01T07:00:00Z'),
			key: 'digest:c1:2026-11-30'
		});
		expect(digestPeriod('weekly', 'c1', new Date('2026-11-30T06:00:00Z'))).toBeNull();
		expect(digestPeriod('weekly', 'c1', new Date('2026-12-06T23:59:00Z'))).toEqual({
			start: '2026-11-30',
			opensAt: new Date('2026-11-30T07:00:00Z'),
			closesAt: new Date('2026-12-07T07:00:00Z'),
			key: 'digest:c1:week:2026-11-30'
		});
		// A Tuesday before 07:00 is still inside the week that opened on Monday.
		expect(digestPeriod('weekly', 'c1', new Date('2026-12-01T03:00:00Z'))?.start).toBe(
			'2026-11-30'
		);
	});

	it('holds the moment it is asked at, from its opening to the next', () => {
		fc.assert(
			fc.property(frequency, anyMoment, (mode, now) => {
				const period = digestPeriod(mode, 'c1', now);
				if (period === null) {
					// Only in the early hours of the period's first day.
					expect(now.getUTCHours()).toBeLessThan(DIGEST_HOUR_UTC);
					if (mode === 'weekly') expect(now.getUTCDay()).toBe(1);
					return;
				}
				expect(period.opensAt.getTime()).toBeLessThanOrEqual(now.getTime());
				expect(period.closesAt.getTime()).toBeGreaterThan(now.getTime());
				expect(period.closesAt.getTime() - period.opensAt.getTime()).toBe(
					mode === 'daily' ? DAY : 7 * DAY
				);
				if (mode === 'weekly') expect(weekdayOf(period.start)).toBe(1);
			})
		);
	});

	it('names each period once: the same key all through it, a new one after', () => {
		fc.assert(
			fc.property(frequency, anyMoment, fc.integer({ min: 0, max: 14 * DAY }), (mode, a, gap) => {
				const first = digestPeriod(mode, 'c1', a);
				const later = digestPeriod(mode, 'c1', new Date(a.getTime() + gap));
				if (!first || !later) return;
				const sameTime = a.getTime() + gap < first.closesAt.getTime();
				expect(later.key === first.key).toBe(sameTime);
				expect(digestPeriod(mode, 'c2', a)!.key).not.toBe(first.key);
			})
		);
	});

	it('tells news since the previous digest, or one period back for a first one', () => {
		const period = digestPeriod('weekly', 'c1', new Date('2026-11-30T08:00:00Z'))!;
		expect(digestNewsSince(period, '2026-11-23T07:00:05.000Z')).toBe('2026-11-23T07:00:05.000Z');
		expect(digestNewsSince(period, null)).toBe('2026-11-23T07:00:00.000Z');
		const daily = digestPeriod('daily', 'c1', new Date('2026-11-30T08:00:00Z'))!;
		expect(digestNewsSince(daily, null)).toBe('2026-11-29T07:00:00.000Z');
	});
});
