import { DOMAINS } from '../../content/instrument/codes.ts';
import { csvLine } from '../../domain/csv/csv.ts';
import { instrumentStatistics } from '../../domain/scoring/item-statistics.ts';
import { formatProblem, parseResponsesCsv } from '../../domain/scoring/responses-csv.ts';
import { scoreAssessment } from '../../domain/scoring/score-assessment.ts';

export type Report = { ok: true; csv: string } | { ok: false; errors: string[] };

export const SCORE_COLUMNS = [
	'respondent',
	...DOMAINS.map((domain) => `P_${domain}`),
	'P',
	...DOMAINS.map((domain) => `B_${domain}`),
	'B',
	'flags'
] as const;

/** Two decimals, empty when unscored; never "-0.00". */
export function formatScore(value: number | null): string {
	if (value === null) return '';
	const text = value.toFixed(2);
	return text === '-0.00' ? '0.00' : text;
}

/** `instrument score`: one line per respondent. */
export function scoresCsv(text: string): Report {
	const parsed = parseResponsesCsv(text);
	if (!parsed.ok) return { ok: false, errors: parsed.problems.map(formatProblem) };
	let csv = csvLine(SCORE_COLUMNS);
	for (const row of parsed.rows) {
		const score = scoreAssessment(row.answers, { attentionPresented: parsed.hasAttention });
		csv += csvLine([
			row.respondent,
			...DOMAINS.map((domain) => formatScore(score.domains[domain].position)),
			formatScore(score.position),
			...DOMAINS.map((domain) => formatScore(score.domains[domain].balance)),
			formatScore(score.balance),
			score.flags.join(';')
		]);
	}
	return { ok: true, csv };
}

/** `instrument reliability`: alpha per cell with 10 decimals, for comparison with psych::alpha. */
export function reliabilityCsv(text: string): Report {
	const parsed = parseResponsesCsv(text);
	if (!parsed.ok) return { ok: false, errors: parsed.problems.map(formatProblem) };
	let csv = csvLine(['cell', 'n', 'alpha']);
	for (const cell of instrumentStatistics(parsed.rows.map((row) => row.answers))) {
		csv += csvLine([cell.cell, cell.n, cell.alpha === null ? '' : cell.alpha.toFixed(10)]);
	}
	return { ok: true, csv };
}
