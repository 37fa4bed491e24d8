import { INSTRUMENT_VERSION } from './codes.ts';
import { familyItems } from './items-family.ts';
import { friendsItems } from './items-friends.ts';
import { presentationPages } from './presentation-order.ts';
import { parseInstrument, type Instrument } from './schema.ts';
import { teamItems } from './items-team.ts';
import type { CellCode, DomainCode, ScaleCode } from './codes.ts';

export const ATTENTION_ITEM_ID = 'ATTN_1';

/** The Continuum Assessment, version 1. Validated when this module loads. */
export const instrumentV1: Instrument = parseInstrument({
	version: INSTRUMENT_VERSION,
	answerPoints: [
		{ value: 1, label: 'Not at all true of me', raterLabel: 'Not at all true of them' },
		{ value: 2, label: 'Slightly true of me', raterLabel: 'Slightly true of them' },
		{ value: 3, label: 'Somewhat true of me', raterLabel: 'Somewhat true of them' },
		{ value: 4, label: 'Mostly true of me', raterLabel: 'Mostly true of them' },
		{ value: 5, label: 'Completely true of me', raterLabel: 'Completely true of them' }
	],
	items: [...familyItems, ...friendsItems, ...teamItems],
	attentionItems: [
		{
			id: ATTENTION_ITEM_ID,
			text: 'To show you are reading each line, choose "Mostly true of me" for this one.',
			raterText: 'To show you are reading each line, choose "Mostly true of them" for this one.',
			expected: 4
		}
	],
	pages: presentationPages(ATTENTION_ITEM_ID)
});

/** A scored item with its place in the design spelled out. */
export type InstrumentItem = {
	id: string;
	domain: DomainCode;
	scale: ScaleCode;
	cell: CellCode;
	number: number;
	reversed: boolean;
	text: string;
	raterText: string;
};

export const instrumentItems: readonly InstrumentItem[] = instrumentV1.items.map((item) => {
	const [domain, scale, number] = item.id.split('_') as [DomainCode, ScaleCode, string];
	return { ...item, domain, scale, cell: `${domain}_${scale}`, number: Number(number) };
});

/** Every presented id (54 items and the attention item) in the order a person sees them. */
export const presentationOrder: readonly string[] = instrumentV1.pages.flat();

/** A line on a page, ready to render: the words depend on who is answering. */
export type PageLine = { id: string; text: string; attention: boolean };

/**
 * The pages of the assessment for a self-report or for a rater. Raters answer only their own
 * domain, so `domain` keeps those items (in the same interleaved order) on a single page set.
 */
export function assessmentPages(
	options: { perspective?: 'self' | 'rater'; domain?: DomainCode } = {}
): PageLine[][] {
	const rater = options.perspective === 'rater';
	const byId = new Map(instrumentItems.map((item) => [item.id, item]));
	const attention = instrumentV1.attentionItems[0]!;
	const pages = instrumentV1.pages.map((page) =>
		page.flatMap((id): PageLine[] => {
			const item = byId.get(id);
			if (!item)
				return [{ id, text: rater ? attention.raterText : attention.text, attention: true }];
			if (options.domain && item.domain !== options.domain) return [];
			return [{ id, text: rater ? item.raterText : item.text, attention: false }];
		})
	);
	if (!options.domain) return pages;
	// A domain-only form is 19 lines: two pages keep it short without one-line pages.
	const lines = pages.flat();
	const half = Math.ceil(lines.length / 2);
	return [lines.slice(0, half), lines.slice(half)];
}

/** Answer labels for the chosen perspective, in order 1..5. */
export function answerLabels(
	perspective: 'self' | 'rater' = 'self'
): { value: number; label: string }[] {
	return instrumentV1.answerPoints.map((point) => ({
		value: point.value,
		label: perspective === 'rater' ? point.raterLabel : point.label
	}));
}
