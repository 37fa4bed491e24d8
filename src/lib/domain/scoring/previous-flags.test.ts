import { describe, expect, it } from 'vitest';
import { evenOddConsistency } from './previous-flags.ts';

describe('the previous even-odd index (kept for the flag study)', () => {
	it('measures even-odd consistency as a correlation of half-cell means', () => {
		const values = new Float64Array(54);
		for (let cell = 0; cell < 9; cell++)
			for (let item = 0; item < 6; item++) values[cell * 6 + item] = 1 + (cell % 5);
		expect(evenOddConsistency(values)).toBeCloseTo(1, 12);
		values.fill(3);
		expect(evenOddConsistency(values)).toBeNull();
	});
});
