import { describe, expect, it } from 'vitest';
import { latestAndNews } from './latest-and-news.ts';

describe('a long list of history shows the latest and anything new', () => {
	it('shows the first ones of a long list, and says how many are left out', () => {
		const items = Array.from({ length: 208 }, (_, i) => i);
		const { shown, hidden } = latestAndNews(items, 10, () => false, false);
		expect(shown).toEqual(items.slice(0, 10));
		expect(hidden).toBe(198);
	});

	it('keeps an old item with news in view, wherever it is, in its place', () => {
		const items = Array.from({ length: 30 }, (_, i) => i);
		const { shown, hidden } = latestAndNews(items, 10, (i) => i === 25, false);
		expect(shown).toEqual([...items.slice(0, 10), 25]);
		expect(hidden).toBe(19);
	});

	it('shows everything when asked, and a short list whole', () => {
		const items = Array.from({ length: 30 }, (_, i) => i);
		expect(latestAndNews(items, 10, () => false, true)).toEqual({ shown: items, hidden: 0 });
		expect(latestAndNews([1, 2], 10, () => false, false)).toEqual({ shown: [1, 2], hidden: 0 });
	});
});
