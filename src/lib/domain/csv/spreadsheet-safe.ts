import { csvField } from './csv.ts';

/**
 * Spreadsheets run a cell that starts with =, +, -, @, a tab or a carriage return as a formula
 * (OWASP "CSV injection"). Exported text is written by people and by those they invite, so such
 * a cell gets a leading apostrophe: the spreadsheet shows the text and runs nothing. Numbers are
 * written as numbers (a negative position stays a number).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafe(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return csvField(value);
	return csvField(FORMULA_START.test(value) ? `'${value}` : value);
}

/** A CSV file: a header line and one line per row, every text cell spreadsheet-safe. */
export function spreadsheetCsv(
	header: readonly string[],
	rows: readonly (readonly (string | number | null | undefined)[])[]
): string {
	const line = (fields: readonly (string | number | null | undefined)[]) =>
		fields.map(spreadsheetSafe).join(',') + '\r\n';
	return line(header) + rows.map(line).join('');
}
