import { describe, expect, it } from 'vitest';
import { FLAG_STUDY_SEED, FLAG_TARGETS, runFlagStudy } from './flag-study.ts';
import { QUALITY_THRESHOLDS } from './quality-flags.ts';
import { RESPONDER_KINDS } from './responders.ts';

/**
 * The flag study at 3,000 people per row (the published figures use 20,000, same seed). The
 * tolerances are a few standard errors wide: a changed threshold, flag or simulation moves a
 * figure out of its window.
 */
const rows = runFlagStudy({ perKind: 3_000, seed: FLAG_STUDY_SEED });
const row = (model: string, kind: string) =>
	rows.find((r) => r.model === model && r.kind === kind)!;

describe('quality flags, calibrated by simulation', () => {
	it('keeps the thresholds chosen in decision 0026', () => {
		expect(QUALITY_THRESHOLDS).toEqual({
			longestRun: 12,
			minimumSpread: 0.5,
			repeatingShare: 0.6,
			minimumScaleConsistency: 0.7,
			bothPolesDomains: 2,
			// Recalibrated by the speed study (decision 0032; speed-study.test.ts).
			secondsPerItem: 1.5,
			rushedShare: 1 / 2
		});
	});

	it('meets every target on both generative models', () => {
		expect(rows).toHaveLength(2 * RESPONDER_KINDS.length);
		for (const r of rows) {
			const target = FLAG_TARGETS[r.kind];
			if (target.atMost !== undefined)
				expect(r.anyAfter, `${r.model} ${r.kind}`).toBeLessThanOrEqual(target.atMost);
			if (target.atLeast !== undefined)
				expect(r.anyAfter, `${r.model} ${r.kind}`).toBeGreaterThanOrEqual(target.atLeast);
		}
	});

	it('flags far fewer honest people than the previous rules did', () => {
		// Before: the even-odd index alone marked 6% (project) and 21% (alternative) of honest people.
		expect(row('project', 'honest').before['even-odd-inconsistent']).toBeGreaterThan(0.05);
		expect(row('alternative', 'honest').before['even-odd-inconsistent']).toBeGreaterThan(0.18);
		// 2.3% and 3.9% at this size (2.6% and 3.8% at 20,000); windows of about ±3 standard errors.
		expect(row('project', 'honest').anyAfter).toBeGreaterThan(0.017);
		expect(row('project', 'honest').anyAfter).toBeLessThan(0.03);
		expect(row('alternative', 'honest').anyAfter).toBeGreaterThan(0.031);
		expect(row('alternative', 'honest').anyAfter).toBeLessThan(0.047);
		// Almost all of that is the 2% allowance for honest slips on the attention line.
		expect(row('project', 'honest').anyAfterWithoutAttention).toBeLessThan(0.012);
		expect(row('alternative', 'honest').anyAfterWithoutAttention).toBeLessThan(0.025);
	});

	it('catches every typed cycle and straight line, and random answering mostly through the attention line', () => {
		for (const model of ['project', 'alternative']) {
			expect(row(model, 'alternating').after['repeating-pattern']).toBe(1);
			expect(row(model, 'straight-line').after.longstring).toBe(1);
			const random = row(model, 'random');
			expect(random.anyAfter).toBeGreaterThan(0.84);
			expect(random.anyAfter).toBeLessThan(0.89);
			// Without the attention line only about a third of random answerers show.
			expect(random.anyAfterWithoutAttention).toBeGreaterThan(0.28);
			expect(random.anyAfterWithoutAttention).toBeLessThan(0.35);
		}
	});

	it('gives the same figures for the same seed', () => {
		const again = runFlagStudy({ perKind: 200, seed: FLAG_STUDY_SEED });
		expect(runFlagStudy({ perKind: 200, seed: FLAG_STUDY_SEED })).toEqual(again);
		expect(runFlagStudy({ perKind: 200, seed: FLAG_STUDY_SEED + 1 })).not.toEqual(again);
	});
});
