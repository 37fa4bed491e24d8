import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instrumentItems } from '../../content/instrument/instrument.ts';
import { ITEM_REVERSED, CANONICAL_ITEM_IDS } from './item-layout.ts';
import { answerScoring, flipAnswer, isReverseKeyed, rekey } from './reverse-keying.ts';
import { scoreAssessment } from './score-assessment.ts';

const answer = fc.integer({ min: 1, max: 5 });

describe('reverse keying', () => {
	it('flips an answer on the 1–5 scale: 1 ↔ 5, 2 ↔ 4, 3 stays', () => {
		expect([1, 2, 3, 4, 5].map(flipAnswer)).toEqual([5, 4, 3, 2, 1]);
		expect(rekey(2, true)).toBe(4);
		expect(rekey(2, false)).toBe(2);
	});

	it('keeps every answer on the scale, and undoes itself', () => {
		fc.assert(
			fc.property(answer, fc.boolean(), (value, reversed) => {
				const once = rekey(value, reversed);
				expect(once).toBeGreaterThanOrEqual(1);
				expect(once).toBeLessThanOrEqual(5);
				expect(rekey(once, reversed)).toBe(value);
			})
		);
	});

	it('names as reverse-keyed exactly the items the instrument marks reversed', () => {
		for (const item of instrumentItems)
			expect(isReverseKeyed(item.id), item.id).toBe(item.reversed);
		CANONICAL_ITEM_IDS.forEach((id, index) =>
			expect(isReverseKeyed(id), id).toBe(ITEM_REVERSED[index] === 1)
		);
		expect(isReverseKeyed('ATTN_1')).toBe(false);
		expect(isReverseKeyed('ATTN_6')).toBe(false);
	});

	it('gives the answers that score what was asked for', () => {
		fc.assert(
			fc.property(answer, (value) => {
				const answers = Object.fromEntries(
					CANONICAL_ITEM_IDS.map((id) => [id, answerScoring(id, value)])
				);
				const score = scoreAssessment(answers);
				for (const domain of Object.values(score.domains))
					for (const cell of Object.values(domain.cells)) expect(cell.mean).toBe(value);
			}),
			{ numRuns: 5 }
		);
	});
});
