import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEAN_THRESHOLD, leanFor } from './lean.ts';

describe('the lean of a position', () => {
	it('reads the lean from the position: ≤ −15 independent, ≥ 15 dependent, else mixed', () => {
		expect(LEAN_THRESHOLD).toBe(15);
		expect(leanFor(-15)).toBe('independent');
		expect(leanFor(-14.9)).toBe('mixed');
		expect(leanFor(0)).toBe('mixed');
		expect(leanFor(14.9)).toBe('mixed');
		expect(leanFor(15)).toBe('dependent');
		expect(leanFor(-100)).toBe('independent');
		expect(leanFor(100)).toBe('dependent');
	});

	it('gives no lean without a result, or when the result pulls both ways', () => {
		expect(leanFor(null)).toBe('mixed');
		expect(leanFor(undefined)).toBe('mixed');
		expect(leanFor(Number.NaN)).toBe('mixed');
		expect(leanFor(-60, true)).toBe('mixed');
		expect(leanFor(60, true)).toBe('mixed');
	});

	it('agrees with the rounded number shown: a hair short of −15 reads as −15', () => {
		expect(leanFor(-14.999999999999998)).toBe('independent');
		expect(leanFor(14.999999999999998)).toBe('dependent');
		expect(leanFor(-14.99)).toBe('mixed');
	});

	it('is symmetric: a position and its mirror lean opposite ways, or neither', () => {
		const mirror = { independent: 'dependent', dependent: 'independent', mixed: 'mixed' } as const;
		fc.assert(
			fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (position) => {
				expect(leanFor(-position)).toBe(mirror[leanFor(position)]);
			})
		);
	});

	it('never leans nearer than 15 points, and always leans from 15 on', () => {
		fc.assert(
			fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (position) => {
				if (Math.abs(position) < LEAN_THRESHOLD - 1e-5) expect(leanFor(position)).toBe('mixed');
				if (Math.abs(position) >= LEAN_THRESHOLD) expect(leanFor(position)).not.toBe('mixed');
			})
		);
	});
});
