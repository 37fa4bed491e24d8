import { CELLS, ITEMS_PER_CELL } from '../../content/instrument/codes.ts';
import { CsvSyntaxError, csvLine, parseCsv } from '../csv/csv.ts';
import { MIN_ANSWERED_PER_CELL } from './score-assessment.ts';
import { ATTENTION_ID, CANONICAL_ITEM_IDS, CELL_COUNT } from './item-layout.ts';

/**
 * The responses file used by the CLI and exports: a `respondent` column and one column per item
 * id (raw answers 1–5, empty when skipped). ATTN_1 and any item column may be left out.
 */
export type ResponseRow = {
	respondent: string;
	/** Row number in the file, the header being row 1. */
	row: number;
	answers: Record<string, number | undefined>;
};

export type InputProblem = { row: number; column?: string; message: string };

export type ParsedResponses =
	| { ok: true; rows: ResponseRow[]; hasAttention: boolean; itemColumns: string[] }
	| { ok: false; problems: InputProblem[] };

export const RESPONDENT_COLUMN = 'respondent';
const MAX_PROBLEMS = 20;
const answerPattern = /^[1-5]$/;
const knownColumns = new Set([...CANONICAL_ITEM_IDS, ATTENTION_ID]);
const cellOfColumn = new Map(
	CANONICAL_ITEM_IDS.map((id, index) => [id, Math.floor(index / ITEMS_PER_CELL)])
);

export function formatProblem(problem: InputProblem): string {
	const where = problem.column
		? `Row ${problem.row}, column ${problem.column}`
		: `Row ${problem.row}`;
	return `${where}: ${problem.message}`;
}

function checkHeader(header: string[], problems: InputProblem[]): void {
	const seen = new Set<string>();
	header.forEach((name) => {
		if (seen.has(name))
			problems.push({ row: 1, column: name, message: 'this column appears twice.' });
		seen.add(name);
		if (name !== RESPONDENT_COLUMN && !knownColumns.has(name)) {
			problems.push({
				row: 1,
				column: name || '(blank)',
				message: `unknown column. Use "${RESPONDENT_COLUMN}" and item ids such as FAM_DEP_1 or ATTN_1.`
			});
		}
	});
	if (!seen.has(RESPONDENT_COLUMN)) {
		problems.push({ row: 1, message: `there is no "${RESPONDENT_COLUMN}" column in the header.` });
	}
}

/** Reads and checks a responses file; every problem names its row and, when it has one, column. */
export function parseResponsesCsv(text: string): ParsedResponses {
	let records: string[][];
	try {
		records = parseCsv(text);
	} catch (error) {
		if (error instanceof CsvSyntaxError) {
			return {
				ok: false,
				problems: [{ row: error.row, message: error.message.replace(/^Row \d+: /, '') }]
			};
		}
		throw error;
	}
	const header = (records[0] ?? []).map((name) => name.trim());
	if (records.length === 0 || (header.length === 1 && header[0] === '')) {
		return {
			ok: false,
			problems: [{ row: 1, message: 'the file is empty; it needs a header row.' }]
		};
	}
	const problems: InputProblem[] = [];
	checkHeader(header, problems);
	if (problems.length > 0) return { ok: false, problems };
	const respondentIndex = header.indexOf(RESPONDENT_COLUMN);
	const rows: ResponseRow[] = [];
	const perCell = new Int32Array(CELL_COUNT);
	for (let r = 1; r < records.length && problems.length < MAX_PROBLEMS; r++) {
		const record = records[r]!;
		const row = r + 1;
		if (record.length === 1 && record[0]!.trim() === '') continue; // a blank line
		if (record.length !== header.length) {
			const message = `this row has ${record.length} fields but the header has ${header.length}.`;
			problems.push({ row, message });
			continue;
		}
		const respondent = record[respondentIndex]!.trim();
		if (respondent === '') {
			problems.push({ row, column: RESPONDENT_COLUMN, message: 'the respondent is empty.' });
		}
		const answers: Record<string, number | undefined> = {};
		perCell.fill(0);
		let rowOk = respondent !== '';
		for (let c = 0; c < header.length; c++) {
			if (c === respondentIndex) continue;
			const column = header[c]!;
			const value = record[c]!.trim();
			if (value === '') {
				answers[column] = undefined;
			} else if (answerPattern.test(value)) {
				answers[column] = Number(value);
				const cell = cellOfColumn.get(column);
				if (cell !== undefined) perCell[cell]!++;
			} else {
				rowOk = false;
				problems.push({
					row,
					column,
					message: `"${value}" is not an answer. Use a whole number from 1 to 5, or leave it empty.`
				});
			}
		}
		if (rowOk && !perCell.some((count) => count >= MIN_ANSWERED_PER_CELL)) {
			problems.push({
				row,
				message:
					`too few answers to score anything. Each part (such as ${CELLS[0]}) needs at least ` +
					`${MIN_ANSWERED_PER_CELL} of its ${ITEMS_PER_CELL} items answered.`
			});
			continue;
		}
		if (rowOk) rows.push({ respondent, row, answers });
	}
	if (problems.length >= MAX_PROBLEMS) {
		problems.push({ row: problems.at(-1)!.row, message: 'stopped after 20 problems.' });
	}
	if (problems.length > 0) return { ok: false, problems };
	return {
		ok: true,
		rows,
		hasAttention: header.includes(ATTENTION_ID),
		itemColumns: header.filter((name) => name !== RESPONDENT_COLUMN)
	};
}

/** Writes responses in the same format, columns in canonical order then ATTN_1. */
export function responsesCsv(
	rows: readonly {
		respondent: string;
		answers: Readonly<Record<string, number | null | undefined>>;
	}[]
): string {
	const columns = [...CANONICAL_ITEM_IDS, ATTENTION_ID];
	let text = csvLine([RESPONDENT_COLUMN, ...columns]);
	for (const row of rows)
		text += csvLine([row.respondent, ...columns.map((id) => row.answers[id])]);
	return text;
}
