interface Reply {
	byClient: boolean;
	isNew: boolean;
}

/**
 * What came in since the coach's previous visit: entries shared and report-backs written after it,
 * and the client's replies not read before. On a first visit everything shared so far is new.
 */
export function newSinceLastVisit(
	lastSeenAt: string | null,
	entries: { sharedAt: string; replies: Reply[] }[],
	reports: { skipped: boolean; updatedAt: string; replies: Reply[] }[]
): { entries: number; reports: number; replies: number } {
	const after = (at: string) => lastSeenAt === null || at > lastSeenAt;
	const newReplies = (replies: Reply[]) => replies.filter((r) => r.byClient && r.isNew).length;
	return {
		entries: entries.filter((e) => after(e.sharedAt)).length,
		reports: reports.filter((r) => !r.skipped && after(r.updatedAt)).length,
		replies:
			entries.reduce((n, e) => n + newReplies(e.replies), 0) +
			reports.reduce((n, r) => n + newReplies(r.replies), 0)
	};
}
