import { describe, expect, it } from 'vitest';
import { CELLS } from '../../content/instrument/codes.ts';
import { PRESENTED_IDS } from './item-layout.ts';
import {
	QUALITY_THRESHOLDS,
	repeatingShare,
	rushedPages,
	scaleConsistency
} from './quality-flags.ts';
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
			people.filter(
				(person) => scoreAssessment(person.answers, { attentionPresented: true }).flags.length > 0
			).length / people.length;
		const random = createRandom(12);
		// As in the app, random answerers see (and answer at random) the attention line too: the
		// scale indices alone catch only about a third of them (decision 0026).
		const randomPeople = attentive.map(() => ({
			answers: typed(PRESENTED_IDS.map(() => 1 + Math.floor(random() * 5)))
		}));
		// Calibrated by the flag study (decision 0026): well under 5% of honest people.
		expect(flaggedShare(attentive)).toBeLessThan(0.03);
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

	it('flags scales whose own lines disagree (scale consistency < .70)', () => {
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
		expect(scoreAssessment(answers).flags).toContain('inconsistent-scales');
		expect(scoreAssessment(careful).flags).not.toContain('inconsistent-scales');
	});

	it('measures scale consistency as the F ratio of scale means against answers within scales', () => {
		const values = new Float64Array(54).fill(NaN);
		values.set([1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4, 5, 4, 5, 4, 5, 4]);
		// Means 1.5, 3.5, 4.5; within: 4.5 over 15 df = 0.3; between: 28 over 2 df = 14.
		expect(scaleConsistency(values)).toBeCloseTo(14 / 0.3, 10);
		values.fill(3);
		expect(scaleConsistency(values)).toBeNull();
		expect(QUALITY_THRESHOLDS.minimumScaleConsistency).toBe(0.7);
	});

	it('flags a cycle typed down the page (1-5-1-5…, 1-2-3-4-5…), not honest answers', () => {
		const cycles = [
			[1, 5],
			[2, 4],
			[1, 2, 3, 4, 5],
			[5, 4, 3, 2, 1],
			[1, 2, 3, 4, 5, 4, 3, 2]
		];
		for (const cycle of cycles) {
			expect(scoreAssessment(typed(cycle)).flags, cycle.join('-')).toContain('repeating-pattern');
		}
		// A cycle with one line in ten answered at random still reads as a pattern.
		const slip = createRandom(5);
		const slipped = Int8Array.from({ length: 55 }, (_, i) =>
			slip() < 0.1 ? 1 + Math.floor(slip() * 5) : i % 2 ? 5 : 1
		);
		expect(repeatingShare(slipped)).toBeGreaterThanOrEqual(0.6);
		expect(repeatingShare(slipped)).toBeLessThan(1);
		for (const person of attentive.slice(0, 50)) {
			expect(scoreAssessment(person.answers).flags).not.toContain('repeating-pattern');
		}
		expect(repeatingShare(new Int8Array(55))).toBeNull();
	});

	it('flags both poles high in two domains, not in one', () => {
		const two = { ...uniformAnswers(4), ...answersScoring({ TEAM_DEP: 2 }) };
		const one = { ...two, ...answersScoring({ FRI_DEP: 2 }) };
		expect(scoreAssessment(two).flags).toContain('both-poles-high');
		expect(scoreAssessment(one).flags).not.toContain('both-poles-high');
	});

	it('flags half or more of pages answered faster than 1.5 s per item (decision 0032)', () => {
		const slow = { itemCount: 9, ms: 40_000 };
		const fast = { itemCount: 9, ms: 13_000 };
		expect(rushedPages([fast, fast, fast, slow, slow, slow])).toBe(true);
		expect(rushedPages([fast, fast, slow, slow, slow, slow])).toBe(false);
		expect(rushedPages([{ itemCount: 10, ms: 15_000 }, slow])).toBe(false);
		expect(rushedPages([{ itemCount: 10, ms: 14_999 }, slow])).toBe(true);
		expect(
			scoreAssessment(careful, { pageTimings: [fast, fast, fast, slow, slow, slow] }).flags
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
