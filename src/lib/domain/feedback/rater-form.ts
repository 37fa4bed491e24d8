import { assessmentPages, type PageLine } from '../../content/instrument/instrument.ts';
import type { DomainCode } from '../../content/instrument/codes.ts';

/** "I can't say" is stored as null: a blank to scoring, but a choice the rater made. */
export const CANT_SAY = 'cant-say';

export const DECLINE_REASONS = {
	'dont-know-well': "I don't know them well enough to say",
	'not-comfortable': "I'd rather not rate someone I'm close to",
	'no-time': "I don't have time right now",
	other: 'Another reason'
} as const;
export type DeclineReason = keyof typeof DECLINE_REASONS;

const pagesByDomain = new Map<DomainCode, PageLine[][]>();

/** The rater's pages: their own domain's 18 items and the attention item, third person. */
export function raterPages(domain: DomainCode): PageLine[][] {
	let pages = pagesByDomain.get(domain);
	if (!pages) {
		pages = assessmentPages({ perspective: 'rater', domain });
		pagesByDomain.set(domain, pages);
	}
	return pages;
}

export type PageAnswers =
	| { ok: true; answers: Record<string, number | null> }
	| { ok: false; fields: Record<string, string> };

/**
 * Reads one page of the rater's form: every line needs a point from 1 to 5 or "I can't say",
 * so a skipped line is a choice and not a slip.
 */
export function readRaterPage(
	lines: readonly PageLine[],
	values: Record<string, string>
): PageAnswers {
	const answers: Record<string, number | null> = {};
	const fields: Record<string, string> = {};
	for (const line of lines) {
		const value = values[line.id];
		if (value === CANT_SAY) answers[line.id] = null;
		else if (value && /^[1-5]$/.test(value)) answers[line.id] = Number(value);
		else fields[line.id] = 'Choose an answer, or "I can\'t say".';
	}
	return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, answers };
}

/** The lines of a page that were answered, for a rater going back a page before finishing it. */
export function answeredOnPage(
	lines: readonly PageLine[],
	values: Record<string, string>
): Record<string, number | null> {
	const read = readRaterPage(lines, values);
	if (read.ok) return read.answers;
	const answered = lines.filter((line) => !(line.id in read.fields));
	const partial = readRaterPage(answered, values);
	return partial.ok ? partial.answers : {};
}
