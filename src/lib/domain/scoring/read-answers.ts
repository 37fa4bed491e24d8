import { DomainError } from '../errors.ts';
import { ITEM_REVERSED, PRESENTED_CANONICAL, PRESENTED_IDS } from './item-layout.ts';
import { rekey } from './reverse-keying.ts';

/** Raw answers keyed by item id: 1–5, or undefined/null when a line was left blank. */
export type Answers = Readonly<Record<string, number | null | undefined>>;

/** What the answer sequence itself tells us, before any scale is scored. */
export type ResponsePattern = {
	/** Longest run of identical consecutive answers in presentation order; a blank ends a run. */
	longestRun: number;
	/** Scored items answered (the attention item is not counted). */
	answered: number;
	/** SD (n − 1) of the raw answers to scored items; null with fewer than two answers. */
	spread: number | null;
	/** The raw answer to the attention item, if any. */
	attention: number | undefined;
};

/**
 * One pass over the answers in presentation order. Fills `rekeyed` (canonical order, NaN when
 * blank) and, when given, `presented` (raw answers in presentation order, 0 when blank), and
 * measures the pattern. Rejects anything that is not a whole number from 1 to 5,
 * because a silently dropped answer would change a score without anyone seeing why.
 */
export function readAnswers(
	answers: Answers,
	rekeyed: Float64Array,
	presented?: Int8Array
): ResponsePattern {
	let longestRun = 0;
	let run = 0;
	let previous = 0;
	let answered = 0;
	let sum = 0;
	let sumOfSquares = 0;
	let attention: number | undefined;
	for (let i = 0; i < PRESENTED_IDS.length; i++) {
		const id = PRESENTED_IDS[i]!;
		const value = answers[id];
		const canonical = PRESENTED_CANONICAL[i]!;
		if (value === undefined || value === null) {
			if (presented) presented[i] = 0;
			run = 0;
			previous = 0;
			if (canonical >= 0) rekeyed[canonical] = NaN;
			continue;
		}
		if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
			const message = `The answer to ${id} must be a whole number from 1 to 5.`;
			throw new DomainError('invalid_input', message, { fields: { [id]: message } });
		}
		if (presented) presented[i] = value;
		run = value === previous ? run + 1 : 1;
		previous = value;
		if (run > longestRun) longestRun = run;
		if (canonical < 0) {
			attention = value;
			continue;
		}
		rekeyed[canonical] = rekey(value, ITEM_REVERSED[canonical] === 1);
		answered++;
		sum += value;
		sumOfSquares += value * value;
	}
	const spread =
		answered > 1
			? Math.sqrt(Math.max(0, (sumOfSquares - (sum * sum) / answered) / (answered - 1)))
			: null;
	return { longestRun, answered, spread, attention };
}
