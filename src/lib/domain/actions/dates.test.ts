import { describe, expect, it } from 'vitest';
import { formatDay } from './dates.ts';

describe('formatDay', () => {
	it('names the weekday, day and month, and the year only when it is not this one', () => {
		expect(formatDay('2026-12-03', '2026-11-29')).toBe('Thursday 3 December');
		expect(formatDay('2025-12-03', '2026-11-29')).toBe('Wednesday, 3 December 2025');
		expect(formatDay('2026-02-28')).toBe('Saturday 28 February');
	});
});
