import { describe, expect, it } from 'vitest';
import {
	alphaFromCovariance,
	covarianceMatrix,
	cronbachAlpha,
	instrumentStatistics
} from './item-statistics.ts';
import { simulateRespondents } from './simulation.ts';
import { rekey } from './reverse-keying.ts';

describe('item and scale statistics', () => {
	it('computes alpha for a small table worked by hand', () => {
		// Each item column (1,2,3), (2,3,4), (3,5,4) has variance 1; totals 6, 10, 11 have
		// variance 7; alpha = 3/2 · (1 − 3/7) = 6/7.
		const rows = [
			[1, 2, 3],
			[2, 3, 5],
			[3, 4, 4]
		];
		expect(cronbachAlpha(rows)).toBeCloseTo(6 / 7, 12);
	});

	it('returns no alpha when there is no variation or too few people', () => {
		expect(cronbachAlpha([[3, 3, 3]])).toBeNull();
		expect(
			cronbachAlpha([
				[3, 3],
				[3, 3]
			])
		).toBeNull();
		expect(alphaFromCovariance([[1]])).toBeNull();
	});

	const people = simulateRespondents({ respondents: 600, seed: 21, missingRate: 0.05 });
	const statistics = instrumentStatistics(people.map((person) => person.answers));

	it('reports n, mean and SD per item from everyone who answered it', () => {
		const item = statistics[0]!.items[0]!;
		const values = people.map((person) => person.answers.FAM_DEP_1).filter((v) => v !== undefined);
		const mean = values.reduce((s, v) => s + v, 0) / values.length;
		const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
		expect(item).toMatchObject({ id: 'FAM_DEP_1', n: values.length });
		expect(item.mean).toBeCloseTo(mean, 12);
		expect(item.sd).toBeCloseTo(sd, 12);
	});

	it('reports the reversed item after rekeying, so it correlates positively like the rest', () => {
		for (const cell of statistics) {
			for (const item of cell.items) expect(item.itemTotal).toBeGreaterThan(0.4);
		}
	});

	it('computes corrected item-total correlations and alpha-if-deleted directly', () => {
		const cell = statistics[4]!; // FRI_IND
		const complete = people
			.map((person) =>
				[1, 2, 3, 4, 5, 6].map((n) => {
					const raw = person.answers[`FRI_IND_${n}`];
					return raw === undefined ? NaN : rekey(raw, n === 6);
				})
			)
			.filter((row) => !row.some(Number.isNaN));
		expect(cell.n).toBe(complete.length);
		const item = complete.map((row) => row[2]!);
		const rest = complete.map((row) => row.reduce((s, v) => s + v, 0) - row[2]!);
		const mx = item.reduce((s, v) => s + v, 0) / item.length;
		const my = rest.reduce((s, v) => s + v, 0) / rest.length;
		const sxy = item.reduce((s, v, i) => s + (v - mx) * (rest[i]! - my), 0);
		const sxx = item.reduce((s, v) => s + (v - mx) ** 2, 0);
		const syy = rest.reduce((s, v) => s + (v - my) ** 2, 0);
		expect(cell.items[2]!.itemTotal).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 10);
		const without = complete.map((row) => row.filter((_, i) => i !== 2));
		expect(cell.items[2]!.alphaIfDeleted).toBeCloseTo(cronbachAlpha(without)!, 10);
		expect(covarianceMatrix(complete, 6)[2]![2]).toBeCloseTo(sxx / (item.length - 1), 10);
	});
});
