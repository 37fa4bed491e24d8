import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv } from './csv.ts';
import { spreadsheetCsv, spreadsheetSafe } from './spreadsheet-safe.ts';

describe('CSV cells a spreadsheet opens', () => {
	it('never start with a character that makes a formula, whatever was typed', () => {
		for (const typed of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\r=1'])
			expect(parseCsv(spreadsheetSafe(typed) + '\n')[0]![0]).toBe(`'${typed}`);
	});

	it('keep numbers as numbers and plain text as it was', () => {
		expect(spreadsheetSafe(-42.5)).toBe('-42.5');
		expect(spreadsheetSafe('Called my sister, it went well')).toBe(
			'"Called my sister, it went well"'
		);
		expect(spreadsheetSafe(null)).toBe('');
	});

	it('round-trip any text through a file, with only the apostrophe added', () => {
		fc.assert(
			fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), (cells) => {
				const parsed = parseCsv(
					spreadsheetCsv(['a', 'b', 'c', 'd'].slice(0, cells.length), [cells])
				);
				const back = parsed[1]!;
				cells.forEach((cell, i) => {
					expect(back[i]).toBe(/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
					expect(back[i]!).not.toMatch(/^[=+\-@\t\r]/);
				});
			})
		);
	});
});
