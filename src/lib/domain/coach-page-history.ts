import { tagAsNew, tagReportAsNew } from './new-since-visit.ts';
import { latestAndNews } from './latest-and-news.ts';

/**
 * How much history the coach's page of one client shows before "Show all": the most recently
 * closed actions and the latest shared entries, and with them anything new since the coach's last
 * visit wherever it is. A client of two years has over two hundred of each, and every one of them
 * on the page (with its reply form) made it 590 KB and 55 ms of server time.
 */
export const HISTORY_SHOWN = 10;

/** The `history` query value that asks for all of it. */
export const ALL_HISTORY = 'all';

interface Reply {
	byClient: boolean;
	isNew: boolean;
}

interface Entry {
	sharedAt: string | null;
	replies: readonly Reply[];
}

interface Action {
	closedAt: string | null;
	reports: readonly { skipped: boolean; updatedAt: string; replies: readonly Reply[] }[];
}

const hasNewReply = (replies: readonly Reply[]) => replies.some((r) => r.byClient && r.isNew);

/** An entry the coach has not seen yet: shared, or replied to by the client, since the visit. */
export function entryHasNews(entry: Entry, lastSeenAt: string | null): boolean {
	return (
		(entry.sharedAt !== null && tagAsNew(entry.sharedAt, lastSeenAt)) || hasNewReply(entry.replies)
	);
}

/** An action with a report-back, or a reply from the client, that came in since the visit. */
export function actionHasNews(action: Action, lastSeenAt: string | null): boolean {
	return action.reports.some((r) => tagReportAsNew(r, lastSeenAt) || hasNewReply(r.replies));
}

/** The latest HISTORY_SHOWN of a list (newest first), any later one with news, or all when asked. */
export function recentWithNews<T>(
	items: readonly T[],
	hasNews: (item: T) => boolean,
	all: boolean
): { shown: T[]; hidden: number } {
	return latestAndNews(items, HISTORY_SHOWN, hasNews, all);
}
