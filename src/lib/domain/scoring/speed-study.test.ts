import { describe, expect, it } from 'vitest';
import { FLAG_STUDY_SEED, FLAG_TARGETS, runFlagStudy } from './flag-study.ts';
import { QUALITY_THRESHOLDS } from './quality-flags.ts';
import { SPEED_STUDY_SEED, runSpeedStudy } from './speed-study.ts';

/**
 * The too-fast flag, calibrated by simulated page timings (decision 0032), at 3,000 people per
 * cell (the published tables use 20,000, same seeds). Windows are about ±3 standard errors.
 */
const rules = runSpeedStudy({ people: 3_000, seed: SPEED_STUDY_SEED });
const rule = (secondsPerItem: number, rushedShare: number) =>
	rules.find((r) => r.secondsPerItem === secondsPerItem && r.rushedShare === rushedShare)!;

describe('the too-fast flag, calibrated by simulated timings', () => {
	it('keeps the rule chosen in decision 0032: half the pages under 1.5 s a line', () => {
		expect(QUALITY_THRESHOLDS.secondsPerItem).toBe(1.5);
		expect(QUALITY_THRESHOLDS.rushedShare).toBe(1 / 2);
	});

	it('flags at most 1% of honest readers, steady or quick, and most people clicking without reading', () => {
		const chosen = rule(1.5, 1 / 2);
		expect(chosen.honest.steady).toBeLessThan(0.003);
		expect(chosen.honest.quick).toBeLessThan(0.015);
		// 86% at 1 s a line, 56% at 1.5 s (20,000 per cell): the catch falls as clicking slows.
		expect(chosen.careless['1']).toBeGreaterThan(0.83);
		expect(chosen.careless['1.5']).toBeGreaterThan(0.52);
		expect(chosen.careless['1.5']).toBeLessThan(0.59);
		expect(chosen.careless['2.5']).toBeLessThan(chosen.careless['1']!);
	});

	it('shows why the earlier rule was dropped: 2 s on a third of the pages doubted one quick honest reader in eleven', () => {
		expect(rule(2, 1 / 3).honest.quick).toBeGreaterThan(0.08);
		expect(rule(2, 1 / 3).honest.steady).toBeLessThan(0.012);
	});

	it('still meets every flag target on both models once everyone has timings', () => {
		const rows = runFlagStudy({ perKind: 3_000, seed: FLAG_STUDY_SEED, timed: true });
		for (const r of rows) {
			const target = FLAG_TARGETS[r.kind];
			if (target.atMost !== undefined)
				expect(r.anyAfter, `${r.model} ${r.kind}`).toBeLessThanOrEqual(target.atMost);
			if (target.atLeast !== undefined)
				expect(r.anyAfter, `${r.model} ${r.kind}`).toBeGreaterThanOrEqual(target.atLeast);
			expect(r.after, `${r.model} ${r.kind}`).toHaveProperty('too-fast');
		}
		const random = rows.find((r) => r.model === 'project' && r.kind === 'random')!;
		// With timings, random answering shows even without the attention line (31% → 82%).
		expect(random.anyAfterWithoutAttention).toBeGreaterThan(0.78);
	});
});
