import { describe, expect, it } from 'vitest';
import { DEFAULT_NORMS } from './default-norms.ts';
import {
	compositeReliability,
	confidenceBand,
	positionComposite,
	reliableChange
} from './precision.ts';

describe('precision', () => {
	it('computes Mosier composite reliability as in a worked two-scale example', () => {
		// Two scales, SD 10 and 20, alphas .8 and .9, correlation .5, composite X1 + X2.
		const norms = {
			cellSd: [10, 20],
			cellAlpha: [0.8, 0.9],
			cellCorrelation: [
				[1, 0.5],
				[0.5, 1]
			]
		};
		const composite = compositeReliability([1, 1], norms);
		// Var = 100 + 400 + 2·.5·10·20 = 700; error = 100·.2 + 400·.1 = 60.
		expect(composite.sd).toBeCloseTo(Math.sqrt(700), 12);
		expect(composite.reliability).toBeCloseTo(1 - 60 / 700, 12);
		expect(composite.sem).toBeCloseTo(Math.sqrt(60), 12);
		// A difference of positively correlated scales is less reliable than their sum.
		expect(compositeReliability([1, -1], norms).reliability).toBeLessThan(composite.reliability);
	});

	it('gives a domain SEM of about 12 points and an overall SEM of about 7 with default norms', () => {
		const domain = positionComposite(DEFAULT_NORMS, 0b001);
		const overall = positionComposite(DEFAULT_NORMS, 0b111);
		expect(domain.sem).toBeGreaterThan(10);
		expect(domain.sem).toBeLessThan(14);
		expect(overall.sem).toBeGreaterThan(6);
		expect(overall.sem).toBeLessThan(8);
		expect(overall.reliability).toBeGreaterThan(domain.reliability);
		// SEM is SD·√(1 − r)
		expect(overall.sem).toBeCloseTo(overall.sd * Math.sqrt(1 - overall.reliability), 10);
	});

	it('draws a 90% band of ±1.645 SEM, kept within the continuum', () => {
		expect(confidenceBand(10, 5)).toEqual({ low: 10 - 8.225, high: 10 + 8.225, sem: 5 });
		expect(confidenceBand(-98, 5).low).toBe(-100);
	});

	it('calls change reliable beyond 1.96, likely beyond 1.645, else within noise', () => {
		const sem = 10;
		const step = Math.SQRT2 * sem;
		expect(reliableChange({ position: 0, sem }, { position: 2 * step, sem })).toMatchObject({
			verdict: 'reliable',
			rci: 2
		});
		expect(reliableChange({ position: 0, sem }, { position: -1.8 * step, sem }).verdict).toBe(
			'likely'
		);
		expect(reliableChange({ position: 0, sem }, { position: 1.6 * step, sem }).verdict).toBe(
			'within-noise'
		);
		expect(reliableChange({ position: 5, sem }, { position: -15, sem }).delta).toBe(-20);
	});
});
