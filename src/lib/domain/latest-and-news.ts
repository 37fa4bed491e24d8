/**
 * What a list of someone's history (newest first) shows before "Show all": the first `limit`
 * items, and any later one with news for the reader, so nothing new is ever out of view; or every
 * item when `all`. `hidden` counts what is left out. Used where a list grows with every week a
 * person uses Midpoint (the coach's page of a client, the journal, the closed actions).
 */
export function latestAndNews<T>(
	items: readonly T[],
	limit: number,
	hasNews: (item: T) => boolean,
	all: boolean
): { shown: T[]; hidden: number } {
	if (all) return { shown: [...items], hidden: 0 };
	const shown = items.filter((item, i) => i < limit || hasNews(item));
	return { shown, hidden: items.length - shown.length };
}
