import type { ReliableChange } from './precision.ts';
import type { ParsedResponses, ResponseRow } from './responses-csv.ts';
import { changeBetween } from './score-change.ts';
import { scoreAssessment } from './score-assessment.ts';

/**
 * Two sittings of the same people (e.g. exported before and after a coaching programme), paired
 * by respondent, each scored as the app scores it and compared with the app's reliable-change
 * rule (score-change.ts).
 */
export type Sitting = { label: string; parsed: Extract<ParsedResponses, { ok: true }> };

export type PersonChange = {
	respondent: string;
	before: { position: number | null; sem: number | null };
	after: { position: number | null; sem: number | null };
	/** Null when either sitting has no overall position. */
	change: ReliableChange | null;
};

export type SittingComparison =
	{ ok: true; people: PersonChange[]; unmatched: number } | { ok: false; problems: string[] };

const SHOWN = 5;

function listed(names: readonly string[]): string {
	const shown = names.slice(0, SHOWN).map((name) => `"${name}"`);
	return names.length > SHOWN
		? `${shown.join(', ')} and ${names.length - SHOWN} more`
		: shown.join(', ');
}

function duplicates(sitting: Sitting): string[] {
	const seen = new Map<string, number>();
	const problems: string[] = [];
	for (const row of sitting.parsed.rows) {
		const first = seen.get(row.respondent);
		if (first !== undefined)
			problems.push(
				`${sitting.label}: respondent "${row.respondent}" appears on rows ${first} and ${row.row}, so the two sittings cannot be paired.`
			);
		else seen.set(row.respondent, row.row);
	}
	return problems;
}

function itemSetProblem(before: Sitting, after: Sitting): string | null {
	const a = new Set(before.parsed.itemColumns);
	const b = new Set(after.parsed.itemColumns);
	const onlyBefore = [...a].filter((id) => !b.has(id));
	const onlyAfter = [...b].filter((id) => !a.has(id));
	if (onlyBefore.length === 0 && onlyAfter.length === 0) return null;
	const parts = [];
	if (onlyBefore.length) parts.push(`only ${before.label} has ${listed(onlyBefore)}`);
	if (onlyAfter.length) parts.push(`only ${after.label} has ${listed(onlyAfter)}`);
	return `The two files ask different items (${parts.join('; ')}). Compare files with the same item columns.`;
}

function scorePosition(row: ResponseRow, attention: boolean) {
	const score = scoreAssessment(row.answers, { attentionPresented: attention });
	return { score, position: score.position, sem: score.band?.sem ?? null };
}

/**
 * Pairs the sittings by respondent. Problems (nothing is compared): a respondent twice in a
 * file, different item columns, no respondent in common, or respondents in only one file unless
 * `matchedOnly` says to compare just the people present in both.
 */
export function compareSittings(
	before: Sitting,
	after: Sitting,
	options: { matchedOnly?: boolean } = {}
): SittingComparison {
	const problems = [...duplicates(before), ...duplicates(after)];
	const items = itemSetProblem(before, after);
	if (items) problems.push(items);
	if (problems.length > 0) return { ok: false, problems };
	const afterRows = new Map(after.parsed.rows.map((row) => [row.respondent, row]));
	const beforeNames = new Set(before.parsed.rows.map((row) => row.respondent));
	const onlyBefore = [...beforeNames].filter((name) => !afterRows.has(name));
	const onlyAfter = [...afterRows.keys()].filter((name) => !beforeNames.has(name));
	const common = beforeNames.size - onlyBefore.length;
	if (common === 0) {
		return {
			ok: false,
			problems: [
				`No respondent appears in both ${before.label} and ${after.label}; people are paired by the "respondent" column.`
			]
		};
	}
	if (!options.matchedOnly && (onlyBefore.length > 0 || onlyAfter.length > 0)) {
		if (onlyBefore.length) problems.push(`Only in ${before.label}: ${listed(onlyBefore)}.`);
		if (onlyAfter.length) problems.push(`Only in ${after.label}: ${listed(onlyAfter)}.`);
		problems.push(
			'Fix the respondent names, or add --matched-only to compare just the people in both files.'
		);
		return { ok: false, problems };
	}
	const people: PersonChange[] = [];
	for (const row of before.parsed.rows) {
		const later = afterRows.get(row.respondent);
		if (!later) continue;
		const first = scorePosition(row, before.parsed.hasAttention);
		const second = scorePosition(later, after.parsed.hasAttention);
		people.push({
			respondent: row.respondent,
			before: { position: first.position, sem: first.sem },
			after: { position: second.position, sem: second.sem },
			change: changeBetween(first.score, second.score)
		});
	}
	return { ok: true, people, unmatched: onlyBefore.length + onlyAfter.length };
}
