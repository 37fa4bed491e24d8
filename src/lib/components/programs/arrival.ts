import { formatMediumDate } from '$lib/format';

/** When a step comes, in words: a date, or some days after another step is done. */
export function arrivalWords(when: { at: string } | { afterTitle: string; days: number }): string {
	if ('at' in when) return formatMediumDate(when.at);
	const wait = when.days === 0 ? '' : `${when.days} day${when.days === 1 ? '' : 's'} `;
	return `${wait}after you finish “${when.afterTitle}”`;
}
