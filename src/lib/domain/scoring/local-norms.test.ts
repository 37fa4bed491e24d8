import { describe, expect, it } from 'vitest';
import { MIN_NORMS_PEOPLE, poolNorms } from '../feedback/pooling.ts';
import { DEFAULT_NORMS } from './default-norms.ts';
import {
	bandUnder,
	normFiguresFrom,
	practiceNorms,
	precisionRows,
	verdictShift
} from './local-norms.ts';
import { readFit, readReliability, readWeakestLine } from './read-validity.ts';
import { ALTERNATIVE_MODEL, PROJECT_MODEL } from './responders.ts';
import { scoreAssessment } from './score-assessment.ts';
import { simulateRespondents } from './simulation.ts';

const people = (model: typeof PROJECT_MODEL, respondents: number) =>
	simulateRespondents({
		respondents,
		seed: 31,
		attention: true,
		parameters: model.parameters,
		latentCorrelation: model.latentCorrelation
	}).map((person) => person.answers);

describe("a practice's own norms", () => {
	it('computes nothing below 200 complete results, and leaves incomplete ones out of the count', () => {
		const group = people(PROJECT_MODEL, MIN_NORMS_PEOPLE);
		expect(poolNorms(group.slice(1))).toEqual({ status: 'not-enough', n: 199 });
		const gappy = group.map((answers, i) =>
			i === 0 ? { ...answers, FAM_DEP_1: undefined } : answers
		);
		expect(poolNorms(gappy)).toEqual({ status: 'not-enough', n: 199 });
		const pooled = poolNorms(group);
		expect(pooled.status).toBe('pooled');
		expect(pooled.n).toBe(200);
	});

	it('refuses a group where some part has the same score for everyone', () => {
		const flat = people(PROJECT_MODEL, 250).map((answers) => ({
			...answers,
			TEAM_MUT_1: 3,
			TEAM_MUT_2: 3,
			TEAM_MUT_3: 3,
			TEAM_MUT_4: 3,
			TEAM_MUT_5: 3,
			TEAM_MUT_6: 3
		}));
		expect(poolNorms(flat)).toEqual({ status: 'degenerate', n: 250 });
		expect(normFiguresFrom(flat)).toBeNull();
	});

	it('finds wider bands for a less consistent population, and scores with them', () => {
		const pooled = poolNorms(people(ALTERNATIVE_MODEL, 2_000));
		if (pooled.status !== 'pooled') throw new Error(pooled.status);
		const [builtIn] = precisionRows(DEFAULT_NORMS);
		const [local] = precisionRows(pooled.figures);
		expect(builtIn!.band).toBeCloseTo(11.9, 1);
		expect(builtIn!.reliableChange).toBeCloseTo(20.0, 1);
		expect(local!.band).toBeGreaterThan(builtIn!.band + 2);
		const norms = practiceNorms({
			id: 'n1',
			respondents: pooled.n,
			adoptedAt: '2026-11-29T00:00:00.000Z',
			figures: pooled.figures
		});
		const person = people(PROJECT_MODEL, 1)[0]!;
		const score = scoreAssessment(person, { norms });
		expect(score).toMatchObject({
			normsSource: 'practice',
			normsId: 'n1',
			normsRespondents: 2_000
		});
		expect(bandUnder(score, norms)).toEqual(score.band);
		const defaults = scoreAssessment(person);
		expect(defaults.normsSource).toBe('simulation');
		expect(defaults).not.toHaveProperty('normsId');
		expect(bandUnder(score, DEFAULT_NORMS)).toEqual(defaults.band);
	});
});

describe('the preview of change verdicts', () => {
	it('counts verdicts that would become less certain under wider local bands, and none more certain', () => {
		const pooled = poolNorms(people(ALTERNATIVE_MODEL, 1_000));
		if (pooled.status !== 'pooled') throw new Error(pooled.status);
		const scores = people(ALTERNATIVE_MODEL, 400).map((answers) => scoreAssessment(answers));
		const pairs = scores.slice(0, 200).map((before, i) => ({ before, after: scores[200 + i]! }));
		const shift = verdictShift(pairs, pooled.figures);
		expect(shift.pairs).toBe(200);
		expect(shift.stronger).toBe(0);
		expect(shift.weaker).toBeGreaterThan(5);
		// The same norms as the results were scored with move nothing.
		expect(verdictShift(pairs, DEFAULT_NORMS)).toEqual({ pairs: 200, stronger: 0, weaker: 0 });
	});
});

describe('plain readings of the structure check', () => {
	it('reads fit and reliability against the usual guides', () => {
		expect(readFit('cfi', 0.97).verdict).toBe('good');
		expect(readFit('cfi', 0.92).verdict).toBe('fair');
		expect(readFit('tli', 0.85).verdict).toBe('poor');
		expect(readFit('rmsea', 0.05).verdict).toBe('good');
		expect(readFit('rmsea', 0.1).verdict).toBe('poor');
		expect(readFit('srmr', 0.09).verdict).toBe('fair');
		expect(readFit('cfi', Number.NaN).verdict).toBe('poor');
		expect(readReliability(0.84).verdict).toBe('good');
		expect(readReliability(0.72).text).toContain('less precise');
		expect(readReliability(0.6).text).toContain('with care');
		expect(readReliability(null).text).toContain('Not enough');
		expect(readWeakestLine(0.1).verdict).toBe('poor');
		expect(readWeakestLine(0.45).verdict).toBe('good');
	});
});
