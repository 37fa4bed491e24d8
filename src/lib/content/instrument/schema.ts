import { z } from 'zod';
import { CELLS, DOMAINS, ITEMS_PER_CELL, REVERSED_ITEM_NUMBER, SCALES } from './codes.ts';

const itemIdPattern = /^(FAM|FRI|TEAM)_(DEP|IND|MUT)_([1-6])$/;
// Reversed items must be opposites by meaning; a negation would make them hard to read.
const negation = /\b(not|never|no|don't|didn't|without)\b|n't\b/i;
const firstPerson = /\b(I|me|my|myself|mine)\b/;
const sentence = z
	.string()
	.min(20)
	.max(140)
	.regex(/^In the past month, /, 'must start with "In the past month, "')
	.regex(/\.$/, 'must end with a full stop');

export const itemTextSchema = z
	.object({
		id: z.string().regex(itemIdPattern, 'must look like FAM_DEP_1'),
		reversed: z.boolean(),
		text: sentence.regex(/\b(I|me|my)\b/, 'must be in the first person'),
		raterText: sentence.refine((text) => !firstPerson.test(text), 'must be in the third person')
	})
	.superRefine((item, context) => {
		const number = Number(item.id.slice(-1));
		if (item.reversed !== (number === REVERSED_ITEM_NUMBER)) {
			context.addIssue({
				code: 'custom',
				message: `only item ${REVERSED_ITEM_NUMBER} is reversed`
			});
		}
		if (item.reversed && (negation.test(item.text) || negation.test(item.raterText))) {
			context.addIssue({
				code: 'custom',
				message: 'a reversed item must be an opposite, not a negation'
			});
		}
	});

export type ItemText = z.infer<typeof itemTextSchema>;

export const answerPointSchema = z.object({
	value: z.number().int().min(1).max(5),
	label: z.string().endsWith(' of me'),
	raterLabel: z.string().endsWith(' of them')
});

export const attentionItemSchema = z.object({
	id: z.string().regex(/^ATTN_\d+$/),
	text: z.string().min(10),
	raterText: z.string().min(10),
	expected: z.number().int().min(1).max(5)
});

export const instrumentSchema = z
	.object({
		version: z.literal('v1'),
		answerPoints: z.array(answerPointSchema).length(5),
		items: z.array(itemTextSchema).length(DOMAINS.length * SCALES.length * ITEMS_PER_CELL),
		attentionItems: z.array(attentionItemSchema).min(1),
		pages: z.array(z.array(z.string()).min(1)).min(2)
	})
	.superRefine((instrument, context) => {
		const fail = (message: string) => context.addIssue({ code: 'custom', message });
		instrument.answerPoints.forEach((point, index) => {
			if (point.value !== index + 1) fail(`answer point ${index + 1} has value ${point.value}`);
		});
		const ids = instrument.items.map((item) => item.id);
		for (const cell of CELLS) {
			for (let number = 1; number <= ITEMS_PER_CELL; number++) {
				if (!ids.includes(`${cell}_${number}`)) fail(`item ${cell}_${number} is missing`);
			}
		}
		const attentionIds = instrument.attentionItems.map((item) => item.id);
		const expected = [...ids, ...attentionIds].sort();
		const presented = instrument.pages.flat();
		if (new Set(presented).size !== presented.length) fail('an item appears twice in the pages');
		if (presented.slice().sort().join() !== expected.join()) {
			fail('the pages must present every item exactly once');
		}
		for (const point of instrument.attentionItems) {
			if (!instrument.answerPoints[point.expected - 1]) fail(`${point.id} expects a missing point`);
		}
	});

export type Instrument = z.infer<typeof instrumentSchema>;

/** Parses instrument data, turning zod issues into one readable error. */
export function parseInstrument(data: unknown): Instrument {
	const result = instrumentSchema.safeParse(data);
	if (result.success) return result.data;
	const details = result.error.issues
		.map((issue) => `${issue.path.join('.') || '(instrument)'}: ${issue.message}`)
		.join('\n');
	throw new Error(`The instrument definition is invalid:\n${details}`);
}
