import { describe, expect, it } from 'vitest';
import { CELLS } from '../../content/instrument/codes.ts';
import { PRESENTED_IDS } from './item-layout.ts';
import { evenOddConsistency, rushedPages } from './quality-flags.ts';
import { scoreAssessment } from './score-assessment.ts';
import { createRandom, simulateRespondents } from './simulation.ts';
import { answersScoring, uniformAnswers } from '../../../../tests/factories/answers.ts';
import { answerScoring, flipAnswer } from './reverse-keying.ts';

const attentive = simulateRespondents({ respondents: 200, seed: 11, attention: true });
const careful = attentive[0]!.answers;

/** Answers typed in presentation order from a list of values, repeated as needed. */
function typed(values: number[]): Record<string, number | undefined> {
	return Object.fromEntries(PRESENTED_IDS.map((id, i) => [id, values[i % values.length]]));
}

describe('quality flags', () => {
	it('rarely flags simulated attentive people, and mostly flags people answering at random', () => {
		const flaggedShare = (people: { answers: Record<string, number | undefined> }[]) =>
			people.filter((person) => scoreAssessment(person.answers).flags.length > 0).length /
			people.length;
		const random = createRandom(12);
		const randomPeople = attentive.map(() => ({
			answers: {
				...typed(PRESENTED_IDS.map(() => 1 + Math.floor(random() * 5))),
				ATTN_1: undefined
			}
		}));
		// Even-odd consistency with nine short scales misfires for some flat profiles: about 7%.
		expect(flaggedShare(attentive)).toBeLessThan(0.12);
		expect(flaggedShare(randomPeople)).toBeGreaterThan(0.6);
		expect(scoreAssessment(careful, { attentionPresented: true }).flags).toEqual([]);
	});

	it('flags 12 identical answers in a row, but not 11', () => {
		const run = (length: number) => {
			const answers = { ...careful };
			PRESENTED_IDS.slice(10, 10 + length).forEach((id) => (answers[id] = 2));
			answers[PRESENTED_IDS[9]!] = 5;
			answers[PRESENTED_IDS[10 + length]!] = 5;
			return scoreAssessment(answers).flags;
		};
		expect(run(12)).toContain('longstring');
		expect(run(11)).not.toContain('longstring');
	});

	it('flags answers that barely vary (SD under 0.5)', () => {
		const answers = typed([3, 3, 3, 3, 4, 3, 3, 3, 3, 3, 2]);
		expect(scoreAssessment(answers).flags).toContain('low-spread');
		expect(scoreAssessment(typed([3, 4, 3, 2, 3, 4, 2, 3, 4, 3, 2])).flags).not.toContain(
			'low-spread'
		);
	});

	it('flags halves of the same scales that disagree (even-odd < .30)', () => {
		// Odd items of every cell follow one pattern across cells, even items the opposite one.
		const answers: Record<string, number> = {};
		const cellLevels = [1, 5, 2, 4, 3, 5, 1, 4, 2];
		cellLevels.forEach((level, cell) => {
			for (let n = 1; n <= 6; n++) {
				const id = `${CELLS[cell]}_${n}`;
				const scored = n % 2 === 1 ? level : flipAnswer(level);
				answers[id] = answerScoring(id, scored);
			}
		});
		expect(scoreAssessment(answers).flags).toContain('even-odd-inconsistent');
		expect(scoreAssessment(careful).flags).not.toContain('even-odd-inconsistent');
	});

	it('measures even-odd consistency as a correlation of half-cell means', () => {
		const values = new Float64Array(54);
		for (let cell = 0; cell < 9; cell++)
			for (let item = 0; item < 6; item++) values[cell * 6 + item] = 1 + (cell % 5);
		expect(evenOddConsistency(values)).toBeCloseTo(1, 12);
		values.fill(3);
		expect(evenOddConsistency(values)).toBeNull();
	});

	it('flags both poles high in two domains, not in one', () => {
		const two = { ...uniformAnswers(4), ...answersScoring({ TEAM_DEP: 2 }) };
		const one = { ...two, ...answersScoring({ FRI_DEP: 2 }) };
		expect(scoreAssessment(two).flags).toContain('both-poles-high');
		expect(scoreAssessment(one).flags).not.toContain('both-poles-high');
	});

	it('flags a third or more of pages answered faster than 2 s per item', () => {
		const slow = { itemCount: 9, ms: 40_000 };
		const fast = { itemCount: 9, ms: 17_000 };
		expect(rushedPages([fast, fast, slow, slow, slow, slow])).toBe(true);
		expect(rushedPages([fast, slow, slow, slow, slow, slow])).toBe(false);
		expect(rushedPages([{ itemCount: 10, ms: 20_000 }, slow])).toBe(false);
		expect(
			scoreAssessment(careful, { pageTimings: [fast, fast, slow, slow, slow, slow] }).flags
		).toEqual(['too-fast']);
		expect(rushedPages([])).toBe(false);
	});

	it('flags a missed attention line: a wrong answer, or a blank when it was shown', () => {
		expect(scoreAssessment({ ...careful, ATTN_1: 2 }).flags).toEqual(['attention-missed']);
		expect(scoreAssessment({ ...careful, ATTN_1: 4 }, { attentionPresented: true }).flags).toEqual(
			[]
		);
		const blank = { ...careful, ATTN_1: undefined };
		expect(scoreAssessment(blank, { attentionPresented: true }).flags).toEqual([
			'attention-missed'
		]);
		expect(scoreAssessment(blank).flags).toEqual([]);
	});
});
