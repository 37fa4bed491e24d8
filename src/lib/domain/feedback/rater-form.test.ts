import { describe, expect, it } from 'vitest';
import { CANT_SAY, raterPages, readRaterPage } from './rater-form.ts';

describe("the rater's form", () => {
	it("asks the 18 items of the rater's own domain and the attention line, in the third person", () => {
		const lines = raterPages('TEAM').flat();
		expect(lines).toHaveLength(19);
		expect(lines.filter((l) => l.attention)).toHaveLength(1);
		expect(lines.filter((l) => !l.attention).every((l) => l.id.startsWith('TEAM_'))).toBe(true);
		expect(lines.some((l) => /\b(I|me|my)\b/.test(l.text))).toBe(false);
		expect(raterPages('TEAM').map((page) => page.length)).toEqual([10, 9]);
	});

	it('takes a point or "I can\'t say" on every line, and names each line left out', () => {
		const [first] = raterPages('FAM');
		const values = Object.fromEntries(first!.map((line) => [line.id, '3']));
		values[first![0]!.id] = CANT_SAY;
		const read = readRaterPage(first!, values);
		expect(read.ok && read.answers[first![0]!.id]).toBeNull();
		expect(read.ok && read.answers[first![1]!.id]).toBe(3);
		delete values[first![2]!.id];
		values[first![3]!.id] = '6';
		expect(readRaterPage(first!, values)).toEqual({
			ok: false,
			fields: {
				[first![2]!.id]: 'Choose an answer, or "I can\'t say".',
				[first![3]!.id]: 'Choose an answer, or "I can\'t say".'
			}
		});
	});
});
