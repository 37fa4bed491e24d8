import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELLS, DOMAINS } from '../../content/instrument/codes.ts';
import { isDomainError } from '../errors.ts';
import { DEFAULT_NORMS } from './default-norms.ts';
import { CANONICAL_ITEM_IDS } from './item-layout.ts';
import { scoreAssessment } from './score-assessment.ts';
import { answersScoring, uniformAnswers } from '../../../../tests/factories/answers.ts';
import { flipAnswer } from './reverse-keying.ts';

const answerOrBlank = fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined, freq: 6 });
const anyAnswers = fc
	.array(answerOrBlank, { minLength: 54, maxLength: 54 })
	.map((values) => Object.fromEntries(CANONICAL_ITEM_IDS.map((id, i) => [id, values[i]])));

describe('scoreAssessment', () => {
	it('places someone who answers every cell alike at the midpoint with a balance of 50', () => {
		const score = scoreAssessment(uniformAnswers(3));
		expect(score.position).toBe(0);
		expect(score.balance).toBe(50);
		expect(score.zone).toBe('midpoint');
		expect(score.instrumentVersion).toBe('v1');
		for (const domain of DOMAINS) expect(score.domains[domain].position).toBe(0);
	});

	it('follows the blueprint formulas for P_d and B_d', () => {
		// FAM: DEP mean 4 (p .75), IND mean 2 (p .25), MUT mean 5 (p 1)
		const score = scoreAssessment(answersScoring({ FAM_DEP: 4, FAM_IND: 2, FAM_MUT: 5 }));
		expect(score.domains.FAM.position).toBeCloseTo(50, 10);
		expect(score.domains.FAM.balance).toBeCloseTo((100 * (1 + 0.25 + 0.75)) / 3, 10);
		expect(score.domains.FAM.zone).toBe('dependent');
		expect(score.domains.FAM.cells.DEP).toEqual({
			answered: 6,
			scored: true,
			mean: 4,
			proportion: 0.75
		});
	});

	it('runs from −100 at the independent pole to +100 at the dependent pole', () => {
		const independent = scoreAssessment(answersScoring({ TEAM_DEP: 1, TEAM_IND: 5 }));
		const dependent = scoreAssessment(answersScoring({ TEAM_DEP: 5, TEAM_IND: 1 }));
		expect(independent.domains.TEAM.position).toBe(-100);
		expect(independent.zone).toBe('strong-independent');
		expect(dependent.position).toBe(100);
		expect(dependent.zone).toBe('strong-dependent');
	});

	it('rekeys item 6 as 6 − x', () => {
		const answers = answersScoring({ FRI_DEP: 5, FRI_IND: 1 });
		expect(answers.FRI_DEP_6).toBe(1);
		expect(scoreAssessment(answers).domains.FRI.cells.DEP.mean).toBe(5);
		answers.FRI_DEP_6 = 5;
		expect(scoreAssessment(answers).domains.FRI.cells.DEP.mean).toBeCloseTo((5 * 5 + 1) / 6, 12);
	});

	it('scores a cell with 5 of 6 answers and not with 4, and averages only scored domains', () => {
		const answers = uniformAnswers(3);
		Object.assign(answers, answersScoring({ FAM_DEP: 5, FAM_IND: 1 }));
		answers.FAM_DEP_2 = undefined;
		expect(scoreAssessment(answers).domains.FAM.cells.DEP).toMatchObject({
			answered: 5,
			scored: true
		});
		expect(scoreAssessment(answers).position).toBeCloseTo(100 / 3, 10);
		answers.FAM_DEP_3 = undefined;
		const score = scoreAssessment(answers);
		expect(score.domains.FAM).toMatchObject({
			scored: false,
			position: null,
			balance: null,
			zone: null
		});
		expect(score.domains.FAM.cells.DEP).toEqual({
			answered: 4,
			scored: false,
			mean: null,
			proportion: null
		});
		expect(score.position).toBe(0);
	});

	it('keeps the position when mutual reliance is unscored, but leaves balance out', () => {
		const score = scoreAssessment(
			answersScoring({ FAM_DEP: 2, FAM_IND: 4, FRI_DEP: 3, FRI_IND: 3, FRI_MUT: 5 })
		);
		expect(score.domains.FAM.position).toBe(-50);
		expect(score.domains.FAM.balance).toBeNull();
		expect(score.balance).toBeCloseTo((100 * (1 + 0.5 + 0.5)) / 3, 10);
		expect(score.domains.TEAM.scored).toBe(false);
		expect(score.position).toBe(-25);
	});

	it('says "pulled both ways" when both poles reach .75 instead of placing the dot at 0', () => {
		const score = scoreAssessment(uniformAnswers(4));
		expect(score.position).toBe(0);
		expect(score.domains.FAM.pulledBothWays).toBe(true);
		expect(score.domains.FAM.zone).toBe('pulled-both-ways');
		expect(score.zone).toBe('pulled-both-ways');
		expect(
			scoreAssessment(answersScoring({ FAM_DEP: 4, FAM_IND: 3 })).domains.FAM.pulledBothWays
		).toBe(false);
	});

	it('gives a 90% band of ±1.645 SEM, narrower overall than for one domain', () => {
		const score = scoreAssessment(uniformAnswers(3));
		const { band } = score;
		expect(band!.high - band!.low).toBeCloseTo(2 * 1.645 * band!.sem, 10);
		expect(band!.sem).toBeGreaterThan(4);
		expect(band!.sem).toBeLessThan(score.domains.FAM.band!.sem);
		const edge = scoreAssessment(answersScoring({ FAM_DEP: 5, FAM_IND: 1 }));
		expect(edge.band!.high).toBe(100);
		expect(edge.band!.sem).toBe(edge.domains.FAM.band!.sem);
	});

	it('uses a practice’s own norms when given, and says which norms it used', () => {
		const noisier = {
			...DEFAULT_NORMS,
			source: 'practice' as const,
			cellAlpha: CELLS.map(() => 0.5)
		};
		const practice = scoreAssessment(uniformAnswers(3), { norms: noisier });
		expect(practice.normsSource).toBe('practice');
		expect(practice.band!.sem).toBeGreaterThan(scoreAssessment(uniformAnswers(3)).band!.sem);
	});

	it('refuses an answer outside 1–5, naming the item', () => {
		expect.assertions(3);
		try {
			scoreAssessment({ ...uniformAnswers(3), TEAM_MUT_2: 7 });
		} catch (error) {
			expect(isDomainError(error)).toBe(true);
			expect((error as Error).message).toContain('TEAM_MUT_2');
		}
		expect(() => scoreAssessment({ ...uniformAnswers(3), FAM_DEP_1: 2.5 })).toThrow(/whole number/);
	});

	it('treats null like a blank answer', () => {
		const answers: Record<string, number | null | undefined> = {
			...uniformAnswers(3),
			FAM_DEP_1: null
		};
		expect(scoreAssessment(answers).domains.FAM.cells.DEP.answered).toBe(5);
	});

	it('keeps positions within ±100 and balances within 0–100 for any answers', () => {
		fc.assert(
			fc.property(anyAnswers, (answers) => {
				const score = scoreAssessment(answers);
				for (const domain of [...DOMAINS.map((d) => score.domains[d]), score]) {
					if (domain.position !== null) expect(Math.abs(domain.position)).toBeLessThanOrEqual(100);
					if (domain.balance !== null) {
						expect(domain.balance).toBeGreaterThanOrEqual(0);
						expect(domain.balance).toBeLessThanOrEqual(100);
					}
				}
			})
		);
	});

	it('mirrors every position when every answer is flipped (x → 6 − x)', () => {
		fc.assert(
			fc.property(anyAnswers, (answers) => {
				const flipped = Object.fromEntries(
					Object.entries(answers).map(([id, value]) => [
						id,
						value === undefined ? undefined : flipAnswer(value)
					])
				);
				const before = scoreAssessment(answers);
				const after = scoreAssessment(flipped);
				for (const domain of DOMAINS) {
					const p = before.domains[domain].position;
					const mirrored = after.domains[domain].position;
					if (p === null) expect(mirrored).toBeNull();
					else expect(mirrored).toBeCloseTo(-p, 9);
				}
			})
		);
	});

	it('scores a cell exactly when at least 5 of its 6 items are answered', () => {
		fc.assert(
			fc.property(anyAnswers, (answers) => {
				const score = scoreAssessment(answers);
				for (const domain of DOMAINS) {
					for (const scale of ['DEP', 'IND', 'MUT'] as const) {
						const answered = [1, 2, 3, 4, 5, 6].filter(
							(n) => answers[`${domain}_${scale}_${n}`] !== undefined
						).length;
						expect(score.domains[domain].cells[scale].scored).toBe(answered >= 5);
					}
				}
			})
		);
	});

	it('gives the same result for the same answers, whatever was scored before', () => {
		fc.assert(
			fc.property(anyAnswers, anyAnswers, (first, second) => {
				const once = scoreAssessment(first);
				scoreAssessment(second);
				expect(scoreAssessment(first)).toEqual(once);
			}),
			{ numRuns: 50 }
		);
	});
});
