/**
 * RFC 4180 CSV: fields split by commas, quoted with double quotes when they hold a comma, a
 * quote or a line break, quotes doubled inside. Accepts CRLF or LF and a leading byte-order mark.
 */

export class CsvSyntaxError extends Error {
	readonly row: number;
	constructor(row: number, message: string) {
		super(`Row ${row}: ${message}`);
		this.name = 'CsvSyntaxError';
		this.row = row;
	}
}

/** Parses CSV text into records of fields. A final line break does not make an empty record. */
export function parseCsv(text: string): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	let quoted = false;
	let fieldStarted = false;
	const length = text.length;
	const endRecord = () => {
		record.push(field);
		records.push(record);
		record = [];
		field = '';
		fieldStarted = false;
	};
	while (i < length) {
		const char = text[i]!;
		if (quoted) {
			if (char === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i += 2;
					continue;
				}
				quoted = false;
				i++;
				const next = text[i];
				if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
					throw new CsvSyntaxError(records.length + 1, 'unexpected text after a closing quote.');
				}
				continue;
			}
			field += char;
			i++;
			continue;
		}
		if (char === '"' && !fieldStarted && field === '') {
			quoted = true;
			fieldStarted = true;
			i++;
		} else if (char === ',') {
			record.push(field);
			field = '';
			fieldStarted = false;
			i++;
		} else if (char === '\n' || char === '\r') {
			endRecord();
			i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
		} else {
			// Plain runs are copied in one slice: much faster than char by char on big files.
			let end = i + 1;
			while (end < length) {
				const c = text.charCodeAt(end);
				if (c === 44 || c === 10 || c === 13 || c === 34) break;
				end++;
			}
			field += text.slice(i, end);
			fieldStarted = true;
			i = end;
		}
	}
	if (quoted) throw new CsvSyntaxError(records.length + 1, 'a quoted field is never closed.');
	if (field !== '' || fieldStarted || record.length > 0) endRecord();
	return records;
}

const needsQuotes = /[",\r\n]|^\s|\s$/;

/** One CSV field, quoted only when it must be. */
export function csvField(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	const text = String(value);
	return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line with its line break. */
export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
	return fields.map(csvField).join(',') + '\n';
}
