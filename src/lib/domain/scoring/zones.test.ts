import { describe, expect, it } from 'vitest';
import { isPulledBothWays, ZONE_THRESHOLDS, zoneFor } from './zones.ts';

describe('zones', () => {
	it('names the zone for positions across the continuum', () => {
		const zones = [-100, -51, -50, -15, -14.9, 0, 14.9, 15, 50, 50.1, 100].map((p) =>
			zoneFor(p, false)
		);
		expect(zones).toEqual([
			'strong-independent',
			'strong-independent',
			'independent',
			'independent',
			'midpoint',
			'midpoint',
			'midpoint',
			'dependent',
			'dependent',
			'strong-dependent',
			'strong-dependent'
		]);
		expect(ZONE_THRESHOLDS).toMatchObject({ midpoint: 15, strong: 50 });
	});

	it('puts pulled-both-ways ahead of the position', () => {
		expect(zoneFor(0, true)).toBe('pulled-both-ways');
		expect(isPulledBothWays(0.75, 0.75)).toBe(true);
		expect(isPulledBothWays(0.74, 1)).toBe(false);
	});
});

describe('zones at their edges', () => {
	it('treats a position a rounding error past 50 as exactly 50, the lean shown as "−50"', () => {
		expect(zoneFor(-50.000000000000014, false)).toBe('independent');
		expect(zoneFor(-50.01, false)).toBe('strong-independent');
	});
});
