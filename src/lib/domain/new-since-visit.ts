/**
 * What is new for a coach: what a client shared or reported after the coach's previous visit to
 * their page. Before any visit, everything is new. The roster's "new" mark, the client page's
 * summary and the "New" tags beside entries and report-backs all follow this one rule.
 */

/** Something dated `at` arrived after the visit `lastSeenAt` (null: no visit yet). */
export function arrivedSince(at: string | null, lastSeenAt: string | null): boolean {
	return at !== null && (lastSeenAt === null || at > lastSeenAt);
}

interface Reply {
	byClient: boolean;
	isNew: boolean;
}

interface ReportLike {
	skipped: boolean;
	updatedAt: string;
}

/** A report-back written (or changed) since the visit; a skipped week tells nothing new. */
export function isNewReport(report: ReportLike, lastSeenAt: string | null): boolean {
	return !report.skipped && arrivedSince(report.updatedAt, lastSeenAt);
}

/**
 * Whether to tag one item "New" on the client's page. Only on a return visit: on a first visit
 * everything is new, and a tag on every item would say nothing.
 */
export function tagAsNew(at: string, lastSeenAt: string | null): boolean {
	return lastSeenAt !== null && arrivedSince(at, lastSeenAt);
}

export function tagReportAsNew(report: ReportLike, lastSeenAt: string | null): boolean {
	return lastSeenAt !== null && isNewReport(report, lastSeenAt);
}

/**
 * What came in since the coach's previous visit: entries shared and report-backs written after
 * it, and the client's replies not read before.
 */
export function newSinceLastVisit(
	lastSeenAt: string | null,
	entries: readonly { sharedAt: string | null; replies: readonly Reply[] }[],
	reports: readonly (ReportLike & { replies: readonly Reply[] })[]
): { entries: number; reports: number; replies: number } {
	const newReplies = (replies: readonly Reply[]) =>
		replies.filter((r) => r.byClient && r.isNew).length;
	return {
		entries: entries.filter((e) => arrivedSince(e.sharedAt, lastSeenAt)).length,
		reports: reports.filter((r) => isNewReport(r, lastSeenAt)).length,
		replies:
			entries.reduce((n, e) => n + newReplies(e.replies), 0) +
			reports.reduce((n, r) => n + newReplies(r.replies), 0)
	};
}
