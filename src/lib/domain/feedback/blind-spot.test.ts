import { describe, expect, it } from 'vitest';
import { blindSpot, compareSelfWithOthers } from './blind-spot.ts';

describe('the blind-spot rule', () => {
	it('calls a gap far beyond the noise a blind spot, with its direction', () => {
		// 1.96 · √(7² + 5²/3) = 1.96 · √57.3333 = 1.96 · 7.571878 = 14.84088
		const result = compareSelfWithOthers({ position: -60, sem: 7 }, { mean: 25, sd: 5, n: 3 });
		expect(result.difference).toBe(-85);
		expect(result.threshold).toBeCloseTo(14.84088, 4);
		expect(result.blindSpot).toBe(true);
		expect(result.othersSee).toBe('more-dependent');
	});

	it('does not call a small gap a blind spot', () => {
		const result = compareSelfWithOthers({ position: 20, sem: 7 }, { mean: 25, sd: 5, n: 3 });
		expect(result.difference).toBe(-5);
		expect(result.blindSpot).toBe(false);
		expect(result.othersSee).toBe('about-the-same');
	});

	it('widens the line with the raters spread and narrows it with more raters', () => {
		// sem 3, sd 4, n 4: 1.96 · √(9 + 16/4) = 1.96 · √13 = 7.066880
		const four = compareSelfWithOthers({ position: 10, sem: 3 }, { mean: 0, sd: 4, n: 4 });
		expect(four.threshold).toBeCloseTo(7.06688, 5);
		expect(four).toMatchObject({ blindSpot: true, othersSee: 'more-independent' });
		// sem 3, sd 20, n 4: 1.96 · √(9 + 400/4) = 1.96 · √109 = 20.463001: the same gap is noise.
		const spread = compareSelfWithOthers({ position: 10, sem: 3 }, { mean: 0, sd: 20, n: 4 });
		expect(spread.threshold).toBeCloseTo(20.463001, 5);
		expect(spread.blindSpot).toBe(false);
		// sem 3, sd 20, n 8: 1.96 · √(9 + 50) = 15.055046
		const eight = compareSelfWithOthers({ position: 10, sem: 3 }, { mean: -6, sd: 20, n: 8 });
		expect(eight.threshold).toBeCloseTo(15.055046, 5);
		expect(eight.blindSpot).toBe(true);
	});

	it('needs the gap to pass the line strictly', () => {
		// Raters agree (sd 0): the line is 1.96 · 5 = 9.8.
		const under = compareSelfWithOthers({ position: 9.79, sem: 5 }, { mean: 0, sd: 0, n: 3 });
		const over = compareSelfWithOthers({ position: -9.81, sem: 5 }, { mean: 0, sd: 0, n: 3 });
		expect(under.threshold).toBeCloseTo(9.8, 10);
		expect(under.blindSpot).toBe(false);
		expect(over).toMatchObject({ blindSpot: true, othersSee: 'more-dependent' });
	});

	it('finds a blind spot only with three or more raters and a gap beyond noise', () => {
		expect(blindSpot({ position: -60, sem: 7 }, [20, 30])).toBeNull();
		const spot = blindSpot({ position: -60, sem: 7 }, [20, 30, 25]);
		expect(spot).toMatchObject({ othersMean: 25, difference: -85, blindSpot: true });
		expect(blindSpot({ position: 20, sem: 7 }, [20, 30, 25])!.blindSpot).toBe(false);
	});
});
