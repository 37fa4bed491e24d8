import { CELLS, ITEMS_PER_CELL, type CellCode } from '../../src/lib/content/instrument/codes.ts';
import type { Answers } from '../../src/lib/domain/scoring/read-answers.ts';
import { answerScoring } from '../../src/lib/domain/scoring/reverse-keying.ts';

/**
 * Answers in which every item of a cell scores `value` after rekeying
 * (so the reverse-keyed item 6 gets the flipped answer). Cells left out stay blank.
 */
export function answersScoring(
	values: Partial<Record<CellCode, number>>
): Record<string, number | undefined> {
	const answers: Record<string, number | undefined> = {};
	for (const cell of CELLS) {
		const value = values[cell];
		if (value === undefined) continue;
		for (let n = 1; n <= ITEMS_PER_CELL; n++) {
			const id = `${cell}_${n}`;
			answers[id] = answerScoring(id, value);
		}
	}
	return answers;
}

/** Every cell at the same rekeyed value. */
export function uniformAnswers(value: number): Record<string, number | undefined> {
	return answersScoring(Object.fromEntries(CELLS.map((cell) => [cell, value])));
}

export type { Answers };
