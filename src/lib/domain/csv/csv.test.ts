import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvLine, CsvSyntaxError, parseCsv } from './csv.ts';

describe('CSV', () => {
	it('reads quoted fields with commas, quotes and line breaks', () => {
		const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\n';
		expect(parseCsv(text)).toEqual([
			['a', 'b', 'c'],
			['x, y', 'say "hi"', 'two\nlines']
		]);
	});

	it('keeps empty fields and ignores a byte-order mark and a final line break', () => {
		expect(parseCsv('\ufeffa,,c\n,,\n')).toEqual([
			['a', '', 'c'],
			['', '', '']
		]);
	});

	it('reports an unclosed quote with its row', () => {
		expect(() => parseCsv('a\n"open')).toThrow(CsvSyntaxError);
		expect(() => parseCsv('a\n"open')).toThrow(/Row 2/);
		expect(() => parseCsv('"a"b\n')).toThrow(/after a closing quote/);
	});

	it('quotes only when needed', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('In the past month, I did it.')).toBe('"In the past month, I did it."');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField(undefined)).toBe('');
		expect(csvLine(['a', 1, null])).toBe('a,1,\n');
	});

	it('reads back whatever it writes', () => {
		const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', 'é') });
		fc.assert(
			fc.property(
				fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
				(rows) => {
					const width = rows[0]!.length;
					const table = rows.map((row) =>
						[...row, ...new Array<string>(width).fill('')].slice(0, width)
					);
					expect(parseCsv(table.map(csvLine).join(''))).toEqual(table);
				}
			)
		);
	});
});
