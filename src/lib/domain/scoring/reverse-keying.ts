import { REVERSED_ITEM_NUMBER } from '../../content/instrument/codes.ts';

/**
 * Reverse keying, the one place it is spelled out. Item 6 of each cell is worded as the opposite
 * behaviour, so its answer is flipped on the 1–5 scale before it counts: 1 ↔ 5, 2 ↔ 4, 3 stays.
 * Flipping is its own inverse, so the same rule turns a wanted score into the answer to give.
 */
export const ANSWER_MIN = 1;
export const ANSWER_MAX = 5;

/** The answer at the same distance from the other end of the scale. */
export function flipAnswer(answer: number): number {
	return ANSWER_MIN + ANSWER_MAX - answer;
}

/** Rekeys a raw answer so that higher always means more of the item's scale. */
export function rekey(answer: number, reversed: boolean): number {
	return reversed ? flipAnswer(answer) : answer;
}

/** Whether an item (by id, such as FAM_DEP_6) is the reverse-keyed one of its cell. */
export function isReverseKeyed(itemId: string): boolean {
	return /^(FAM|FRI|TEAM)_(DEP|IND|MUT)_\d+$/.test(itemId)
		? itemId.endsWith(`_${REVERSED_ITEM_NUMBER}`)
		: false;
}

/** The raw answer to give an item so that it scores `value` once rekeyed (for seeding and tests). */
export function answerScoring(itemId: string, value: number): number {
	return rekey(value, isReverseKeyed(itemId));
}
