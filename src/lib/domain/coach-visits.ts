/**
 * A coach's visits to a client's page. Views closer together than VISIT_GAP_MS are one visit (a
 * reload, a reply sent, a note saved), so "new since your visit" keeps comparing with the visit
 * before, not with the page view a moment ago.
 */
export const VISIT_GAP_MS = 30 * 60 * 1000;

export interface VisitMarks {
	/** The coach's last look at the page (ISO time), or null when they never opened it. */
	seenAt: string | null;
	/** Their last look before the visit that `seenAt` belongs to. */
	previousVisitAt: string | null;
}

/** The first moment that still counts as the same visit as a view at `at`. */
export function visitStartFor(at: string): string {
	return new Date(Date.parse(at) - VISIT_GAP_MS).toISOString();
}

/** The marks after a view at `at`: the same visit goes on, or a new one begins. */
export function markView(marks: VisitMarks, at: string): VisitMarks {
	if (marks.seenAt !== null && marks.seenAt > visitStartFor(at)) {
		return {
			seenAt: marks.seenAt > at ? marks.seenAt : at,
			previousVisitAt: marks.previousVisitAt
		};
	}
	return { seenAt: at, previousVisitAt: marks.seenAt };
}

/** What a view at `at` shows as new since: the coach's last look before this visit. */
export function comparedWith(marks: VisitMarks, at: string): string | null {
	return markView(marks, at).previousVisitAt;
}
