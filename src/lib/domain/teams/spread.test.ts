import { describe, expect, it } from 'vitest';
import { quantile, summariseSpread } from './spread.ts';

describe('a team’s spread on the continuum', () => {
	it('bins, median, quartiles and the count near the midpoint, worked out by hand', () => {
		const summary = summariseSpread([
			{ score: -62 },
			{ score: -20, name: 'Ben' },
			{ score: -14 },
			{ score: 0, name: 'Ana' },
			{ score: 14.9 },
			{ score: 15 },
			{ score: 48 },
			{ score: 100 }
		]);
		expect(summary.count).toBe(8);
		// Lower edges count in: −20 is in [−20, 0), 0 and 15 in [0, 20); +100 in the last bin.
		expect(summary.bins.map((b) => b.count)).toEqual([0, 1, 0, 0, 2, 3, 0, 1, 0, 1]);
		expect(summary.bins[0]).toEqual({ from: -100, to: -80, count: 0 });
		expect(summary.bins[9]).toEqual({ from: 80, to: 100, count: 1 });
		// Sorted: −62 −20 −14 0 14.9 15 48 100. Median between 0 and 14.9.
		expect(summary.median).toBeCloseTo(7.45);
		// Quartiles at ranks 1.75 and 5.25 (from 0): −20 + 0.75·6 = −15.5; 15 + 0.25·33 = 23.25.
		expect(summary.lowerQuartile).toBeCloseTo(-15.5);
		expect(summary.upperQuartile).toBeCloseTo(23.25);
		expect(summary.interquartileRange).toBeCloseTo(38.75);
		// Closer than 15 points: −14, 0, 14.9 (15 is a lean).
		expect(summary.nearMidpoint).toBe(3);
		expect(summary.named).toEqual([
			{ name: 'Ben', score: -20 },
			{ name: 'Ana', score: 0 }
		]);
	});

	it('names nobody who did not agree, and keeps them in the distribution', () => {
		const summary = summariseSpread([{ score: 30 }, { score: 31 }, { score: -5, name: '' }]);
		expect(summary.named).toEqual([]);
		expect(summary.count).toBe(3);
		expect(summary.median).toBe(30);
	});

	it('names nobody when one or two dots would be left without a name (they would be known)', () => {
		// Ana, Ben and Cleo show their names; Dev does not. Everyone knows who is on the team, so
		// the one dot without a name would be Dev's by elimination.
		const oneLeft = summariseSpread([
			{ score: -22, name: 'Ana' },
			{ score: -3, name: 'Ben' },
			{ score: -1, name: 'Cleo' },
			{ score: 35 }
		]);
		expect(oneLeft.named).toEqual([]);
		expect(oneLeft.count).toBe(4);
		// With two left unnamed, each of the two sees their own place, so the other unnamed dot is
		// the other person's: still no names.
		const twoLeft = summariseSpread([
			{ score: -22, name: 'Ana' },
			{ score: -3, name: 'Ben' },
			{ score: -1 },
			{ score: 35 }
		]);
		expect(twoLeft.named).toEqual([]);
		// With three unnamed, none of them can tell the other two apart.
		const threeLeft = summariseSpread([
			{ score: -22, name: 'Ana' },
			{ score: -3, name: 'Ben' },
			{ score: -1 },
			{ score: 20 },
			{ score: 35 }
		]);
		expect(threeLeft.named.map((n) => n.name)).toEqual(['Ana', 'Ben']);
		// Everyone named: nobody chose otherwise, so every name shows.
		const allNamed = summariseSpread([
			{ score: 1, name: 'Ana' },
			{ score: 2, name: 'Ben' }
		]);
		expect(allNamed.named).toHaveLength(2);
	});

	it('says nothing it cannot know for an empty team, and keeps positions on the scale', () => {
		expect(summariseSpread([])).toMatchObject({
			count: 0,
			median: null,
			interquartileRange: null,
			nearMidpoint: 0
		});
		const outside = summariseSpread([{ score: 140 }, { score: -101 }, { score: Number.NaN }]);
		expect(outside.count).toBe(2);
		expect(outside.bins[0]!.count + outside.bins[9]!.count).toBe(2);
	});

	it('interpolates quantiles between the nearest ranks', () => {
		expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
		expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
		expect(quantile([5], 0.5)).toBe(5);
	});
});
