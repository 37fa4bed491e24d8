import { describe, expect, it } from 'vitest';
import { DOMAINS } from '../../content/instrument/codes.ts';
import { cronbachAlpha, instrumentStatistics } from './item-statistics.ts';
import { scoreAssessment } from './score-assessment.ts';
import { createRandom, simulateRespondents } from './simulation.ts';
import { rekey } from './reverse-keying.ts';

function correlation(x: readonly number[], y: readonly number[]): number {
	const n = x.length;
	const mx = x.reduce((s, v) => s + v, 0) / n;
	const my = y.reduce((s, v) => s + v, 0) / n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		sxy += (x[i]! - mx) * (y[i]! - my);
		sxx += (x[i]! - mx) ** 2;
		syy += (y[i]! - my) ** 2;
	}
	return sxy / Math.sqrt(sxx * syy);
}

/** Alpha the long way: k/(k−1) · (1 − Σ item variances / variance of the totals). */
function alphaFromTotals(rows: number[][]): number {
	const k = rows[0]!.length;
	const variance = (values: number[]): number => {
		const mean = values.reduce((s, v) => s + v, 0) / values.length;
		return values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
	};
	const itemVariances = Array.from({ length: k }, (_, i) => variance(rows.map((row) => row[i]!)));
	const totals = rows.map((row) => row.reduce((s, v) => s + v, 0));
	return (k / (k - 1)) * (1 - itemVariances.reduce((s, v) => s + v, 0) / variance(totals));
}

describe('seeded simulation under a graded response model', () => {
	const people = simulateRespondents({ respondents: 3_000, seed: 42 });
	const scores = people.map((person) => scoreAssessment(person.answers));

	it('gives the same people for the same seed and different people for another', () => {
		const again = simulateRespondents({ respondents: 3, seed: 42 });
		const other = simulateRespondents({ respondents: 3, seed: 43 });
		expect(again).toEqual(people.slice(0, 3));
		expect(other[0]!.answers).not.toEqual(people[0]!.answers);
	});

	it('recovers each domain position from the true latent traits (r ≥ .90)', () => {
		const recovered = DOMAINS.map((domain, d) => {
			const truth = people.map((person) => person.traits[d * 3]! - person.traits[d * 3 + 1]!);
			const measured = scores.map((score) => score.domains[domain].position!);
			return correlation(truth, measured);
		});
		console.info(
			'recovery r per domain',
			DOMAINS.join('/'),
			recovered.map((r) => r.toFixed(3)).join(' ')
		);
		for (const r of recovered) expect(r).toBeGreaterThanOrEqual(0.9);
	});

	it('recovers the overall position (r ≥ .95)', () => {
		const truth = people.map(
			(person) =>
				DOMAINS.reduce((sum, _, d) => sum + person.traits[d * 3]! - person.traits[d * 3 + 1]!, 0) /
				3
		);
		const r = correlation(
			truth,
			scores.map((score) => score.position!)
		);
		console.info('recovery r overall', r.toFixed(3));
		expect(r).toBeGreaterThanOrEqual(0.95);
	});

	it('recovers balance from the true traits (higher mutual, lower poles)', () => {
		const truth = people.map((person) => person.traits[2]! - person.traits[0]! - person.traits[1]!);
		expect(
			correlation(
				truth,
				scores.map((score) => score.domains.FAM.balance!)
			)
		).toBeGreaterThan(0.9);
	});

	it('computes alpha exactly as the variance-of-totals formula does (1e-9)', () => {
		const withGaps = simulateRespondents({ respondents: 800, seed: 5, missingRate: 0.04 });
		const statistics = instrumentStatistics(withGaps.map((person) => person.answers));
		expect.assertions(statistics.length * 2);
		for (const cell of statistics) {
			const rows = withGaps
				.map((person) =>
					[1, 2, 3, 4, 5, 6].map((n) => {
						const raw = person.answers[`${cell.cell}_${n}`];
						return raw === undefined ? NaN : rekey(raw, n === 6);
					})
				)
				.filter((row) => row.every((value) => !Number.isNaN(value)));
			expect(cell.n).toBe(rows.length);
			expect(Math.abs(cell.alpha! - alphaFromTotals(rows))).toBeLessThan(1e-9);
		}
	});

	it('reaches the reliability expected from six discriminating items (alpha .78–.92)', () => {
		const statistics = instrumentStatistics(people.map((person) => person.answers));
		console.info(
			'alpha per cell',
			statistics.map((cell) => `${cell.cell} ${cell.alpha!.toFixed(3)}`).join(', ')
		);
		for (const cell of statistics) {
			expect(cell.alpha).toBeGreaterThan(0.78);
			expect(cell.alpha).toBeLessThan(0.92);
		}
	});

	it('gives near-zero alpha for answers picked at random', () => {
		const random = createRandom(9);
		const rows = Array.from({ length: 2_000 }, () =>
			Array.from({ length: 6 }, () => 1 + Math.floor(random() * 5))
		);
		expect(Math.abs(cronbachAlpha(rows)!)).toBeLessThan(0.1);
	});
});
