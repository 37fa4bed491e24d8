import { describe, expect, it } from 'vitest';
import { describeNorms, type ResultNorms } from './describe-norms.ts';

const builtIn = { kind: 'built-in' as const, people: 20_000 };
const base = { practiceMinimum: 200, inPractice: true };

describe('which norms a band uses, in plain words', () => {
	it('names the built-in norms and says why a practice client still has them', () => {
		const text = describeNorms({ ...base, used: builtIn, other: null });
		expect(text).toBe(
			'The band uses the built-in norms: figures from 20,000 simulated people, not from real clients. ' +
				"Once your coach's practice has 200 results of its own, it may use those instead."
		);
		expect(describeNorms({ ...base, inPractice: false, used: builtIn, other: null })).toBe(
			'The band uses the built-in norms: figures from 20,000 simulated people, not from real clients.'
		);
	});

	it("names the practice's norms with their size, and the built-in band beside it", () => {
		const norms: ResultNorms = {
			...base,
			used: { kind: 'practice', people: 236 },
			other: { ...builtIn, band: { low: -52.4, high: -27.6 } }
		};
		expect(describeNorms(norms)).toBe(
			"The band uses your practice's own norms: figures pooled from 236 of its clients' clean results, in which no one's answers can be seen. " +
				'With the built-in norms it would be \u221252 to \u221228.'
		);
	});

	it('keeps an older result on its band and offers the practice band, labelled', () => {
		const text = describeNorms({
			...base,
			used: builtIn,
			other: { kind: 'practice', people: 1_204, band: { low: -3, high: 18 } }
		});
		expect(text).toContain(
			'Your practice has since adopted norms of its own (1,204 clean results)'
		);
		expect(text).toContain('with those the band would be \u22123 to +18.');
		expect(text).toContain('This result keeps the band it was given.');
	});
});
