import { describe, expect, it } from 'vitest';
import {
	actionHasNews,
	entryHasNews,
	HISTORY_SHOWN,
	recentWithNews
} from './coach-page-history.ts';

const visit = '2026-06-01T09:00:00.000Z';
const before = '2026-05-20T09:00:00.000Z';
const after = '2026-06-02T09:00:00.000Z';

describe("the coach's page shows recent history and anything new", () => {
	it('shows the first ten of a long list, and says how many are left out', () => {
		const items = Array.from({ length: 208 }, (_, i) => i);
		const { shown, hidden } = recentWithNews(items, () => false, false);
		expect(shown).toEqual(items.slice(0, HISTORY_SHOWN));
		expect(hidden).toBe(198);
	});

	it('keeps an old item with news in view, wherever it is', () => {
		const items = Array.from({ length: 30 }, (_, i) => i);
		const { shown, hidden } = recentWithNews(items, (i) => i === 25, false);
		expect(shown).toEqual([...items.slice(0, HISTORY_SHOWN), 25]);
		expect(hidden).toBe(19);
	});

	it('shows everything when asked', () => {
		const items = Array.from({ length: 30 }, (_, i) => i);
		expect(recentWithNews(items, () => false, true)).toEqual({ shown: items, hidden: 0 });
	});

	it('counts a report-back or a client reply since the visit as news, not an old one', () => {
		const report = (
			updatedAt: string,
			replies = [] as { byClient: boolean; isNew: boolean }[]
		) => ({
			closedAt: before,
			reports: [{ skipped: false, updatedAt, replies }]
		});
		expect(actionHasNews(report(after), visit)).toBe(true);
		expect(actionHasNews(report(before), visit)).toBe(false);
		expect(actionHasNews(report(before, [{ byClient: true, isNew: true }]), visit)).toBe(true);
		expect(actionHasNews(report(before, [{ byClient: false, isNew: true }]), visit)).toBe(false);
		// On a first visit nothing is tagged new, so nothing old is pulled into view.
		expect(actionHasNews(report(after), null)).toBe(false);
	});

	it('counts an entry shared, or answered by the client, since the visit as news', () => {
		expect(entryHasNews({ sharedAt: after, replies: [] }, visit)).toBe(true);
		expect(entryHasNews({ sharedAt: before, replies: [] }, visit)).toBe(false);
		expect(
			entryHasNews({ sharedAt: before, replies: [{ byClient: true, isNew: true }] }, visit)
		).toBe(true);
	});
});
