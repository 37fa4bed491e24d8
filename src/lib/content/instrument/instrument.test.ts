import { describe, expect, it } from 'vitest';
import { CELLS, DOMAINS, SCALES } from './codes.ts';
import {
	ATTENTION_ITEM_ID,
	answerLabels,
	assessmentPages,
	instrumentItems,
	instrumentV1,
	presentationOrder
} from './instrument.ts';
import { parseInstrument } from './schema.ts';

const cellOf = (id: string) => id.split('_').slice(0, 2);

describe('Continuum Assessment v1 content', () => {
	it('has six items in each of the nine cells, ids FAM_DEP_1 … TEAM_MUT_6', () => {
		expect(instrumentItems).toHaveLength(54);
		for (const cell of CELLS) {
			const ids = instrumentItems.filter((item) => item.cell === cell).map((item) => item.id);
			expect(ids).toEqual([1, 2, 3, 4, 5, 6].map((n) => `${cell}_${n}`));
		}
	});

	it('reverses exactly item 6 of each cell, by meaning rather than by negation', () => {
		const reversed = instrumentItems.filter((item) => item.reversed);
		expect(reversed.map((item) => item.number)).toEqual(new Array(9).fill(6));
		for (const item of reversed) expect(item.text).not.toMatch(/\b(not|never|no|without)\b|n't/i);
	});

	it('words every item as one past-month behaviour, short enough for a young reader', () => {
		const texts = new Set<string>();
		for (const item of instrumentItems) {
			expect(item.text).toMatch(/^In the past month, .+\.$/);
			expect(item.text.split(/\s+/).length).toBeLessThanOrEqual(24);
			texts.add(item.text);
		}
		expect(texts.size).toBe(54);
	});

	it('gives raters a third-person wording of every item', () => {
		for (const item of instrumentItems) {
			expect(item.raterText).toMatch(/\b(they|them|their|themselves)\b/);
			expect(item.raterText).not.toMatch(/\b(I|me|my|myself)\b/);
		}
	});

	it('labels all five answer points for self and raters', () => {
		expect(answerLabels().map((point) => point.label)).toEqual([
			'Not at all true of me',
			'Slightly true of me',
			'Somewhat true of me',
			'Mostly true of me',
			'Completely true of me'
		]);
		expect(answerLabels('rater')[4]!.label).toBe('Completely true of them');
	});

	it('asks for "Mostly true" on the attention line, which expects answer 4', () => {
		const attention = instrumentV1.attentionItems[0]!;
		expect(attention.id).toBe(ATTENTION_ITEM_ID);
		expect(attention.text).toContain('Mostly true of me');
		expect(answerLabels()[attention.expected - 1]!.label).toBe('Mostly true of me');
	});

	it('interleaves domains and scales: no two neighbours share a domain or a scale', () => {
		const scored = presentationOrder.filter((id) => id !== ATTENTION_ITEM_ID);
		expect(new Set(presentationOrder).size).toBe(55);
		for (let i = 1; i < scored.length; i++) {
			const [domainA, scaleA] = cellOf(scored[i - 1]!);
			const [domainB, scaleB] = cellOf(scored[i]!);
			expect(domainA).not.toBe(domainB);
			expect(scaleA).not.toBe(scaleB);
		}
		expect(scored.slice(0, 3)).toEqual(['FAM_DEP_1', 'FRI_IND_2', 'TEAM_MUT_3']);
	});

	it('splits into six pages of 9–10 lines with the attention line mid-way', () => {
		const pages = assessmentPages();
		expect(pages.map((page) => page.length)).toEqual([9, 9, 9, 10, 9, 9]);
		const page = pages.findIndex((lines) => lines.some((line) => line.attention));
		expect(page).toBe(3);
		// each page mixes all three domains and all three scales
		for (const lines of pages) {
			const ids = lines.filter((line) => !line.attention).map((line) => cellOf(line.id));
			expect(new Set(ids.map(([domain]) => domain)).size).toBe(DOMAINS.length);
			expect(new Set(ids.map(([, scale]) => scale)).size).toBe(SCALES.length);
		}
	});

	it('builds a rater form with only that domain, in their words, plus the attention line', () => {
		const pages = assessmentPages({ perspective: 'rater', domain: 'TEAM' });
		const lines = pages.flat();
		expect(lines).toHaveLength(19);
		expect(
			lines.filter((line) => !line.attention).every((line) => line.id.startsWith('TEAM_'))
		).toBe(true);
		expect(lines.every((line) => !/\bmy\b/.test(line.text))).toBe(true);
		expect(pages.map((page) => page.length)).toEqual([10, 9]);
	});

	it('refuses broken content with a message naming the problem', () => {
		const missingItem = { ...instrumentV1, items: instrumentV1.items.slice(1) };
		expect(() => parseInstrument(missingItem)).toThrow(
			/instrument definition is invalid[\s\S]*items/
		);
		const negated = structuredClone(instrumentV1);
		negated.items[5]!.text = 'In the past month, I did not ask my family before making a choice.';
		expect(() => parseInstrument(negated)).toThrow(/opposite, not a negation/);
		const wrongPerson = structuredClone(instrumentV1);
		wrongPerson.items[0]!.raterText = 'In the past month, I asked my family.';
		expect(() => parseInstrument(wrongPerson)).toThrow(/third person/);
		const unpaged = { ...instrumentV1, pages: [instrumentV1.pages[0]!, instrumentV1.pages[1]!] };
		expect(() => parseInstrument(unpaged)).toThrow(/every item exactly once/);
	});
});
