import { CANONICAL_ITEM_IDS } from './item-layout.ts';
import type { ParsedResponses, ResponseRow } from './responses-csv.ts';
import { scoreAssessment } from './score-assessment.ts';

/**
 * Which rows of a responses file may go into a factor analysis: every one of the 54 items
 * answered and no quality flag. Refuses samples too small to estimate nine correlated factors
 * with some stability, and items that do not vary (their correlations are undefined).
 */
export const MIN_VALIDATION_ROWS = 200;

export type ValidationSample =
	| { ok: true; rows: ResponseRow[]; total: number; incomplete: number; flagged: number }
	/** `usable`: how many rows were usable, when the rows were looked at at all. */
	| { ok: false; problems: string[]; usable?: number };

export function validationSample(parsed: Extract<ParsedResponses, { ok: true }>): ValidationSample {
	const missing = CANONICAL_ITEM_IDS.filter((id) => !parsed.itemColumns.includes(id));
	if (missing.length > 0) {
		const shown =
			missing.slice(0, 5).join(', ') +
			(missing.length > 5 ? ` and ${missing.length - 5} more` : '');
		return { ok: false, problems: [`The file lacks item columns the model needs: ${shown}.`] };
	}
	let incomplete = 0;
	let flagged = 0;
	const rows: ResponseRow[] = [];
	for (const row of parsed.rows) {
		if (CANONICAL_ITEM_IDS.some((id) => row.answers[id] === undefined)) incomplete++;
		else if (scoreAssessment(row.answers, { attentionPresented: parsed.hasAttention }).flags.length)
			flagged++;
		else rows.push(row);
	}
	const total = parsed.rows.length;
	if (rows.length < MIN_VALIDATION_ROWS) {
		return {
			ok: false,
			usable: rows.length,
			problems: [
				`Only ${rows.length} of ${total} rows are usable (${incomplete} have a blank item, ` +
					`${flagged} have a quality flag); the factor analysis needs at least ${MIN_VALIDATION_ROWS}.`
			]
		};
	}
	const problems: string[] = [];
	for (const id of CANONICAL_ITEM_IDS) {
		const first = rows[0]!.answers[id];
		if (rows.every((row) => row.answers[id] === first)) {
			problems.push(
				`Column ${id} is ${first} in every usable row, so it says nothing about anyone; check how the file was made.`
			);
		}
	}
	if (problems.length > 0) return { ok: false, problems, usable: rows.length };
	return { ok: true, rows, total, incomplete, flagged };
}
