import { daysBetween, type IsoDate } from './actions/dates.ts';
import { dueOccurrence, type Schedule } from './actions/schedule.ts';
import { leanFor, type Lean } from './lean.ts';
import { arrivedSince } from './new-since-visit.ts';
import type { ChangeVerdict } from './scoring/precision.ts';

/**
 * The roster's view of one client, worked out from their summary row. Overdue depends on today,
 * so the summary keeps each open action's schedule and recently settled occurrences, and the
 * roster decides "overdue" at read time: a report-back is overdue once its day has passed.
 */
export interface OpenActionDigest {
	schedule: Schedule;
	/** Occurrences reported on or skipped, from a week before the summary was made onwards. */
	settled: IsoDate[];
}

export interface SummaryInput {
	position: number | null;
	previousPosition: number | null;
	changeKind: ChangeVerdict | null;
	lastSharedAt: string | null;
	lastReportAt: string | null;
	coachSeenAt: string | null;
	openActions: readonly OpenActionDigest[];
	/** The client's replies no coach has read yet: new until read, whenever they came. */
	unreadReplies?: number;
}

export interface RosterStatus {
	lean: Lean | 'none';
	/** Signed: the move since the result before, in points; null without two results. */
	change: number | null;
	changeKind: ChangeVerdict | null;
	/** Report-backs whose day has passed without an answer. */
	overdue: number;
	/** The oldest of those, for sorting and for "overdue for 9 days". */
	overdueSince: IsoDate | null;
	/** Something arrived since the coach last opened the client. */
	hasNew: boolean;
}

export function rosterStatus(summary: SummaryInput, today: IsoDate): RosterStatus {
	let overdue = 0;
	let overdueSince: IsoDate | null = null;
	for (const action of summary.openActions) {
		const due = dueOccurrence(action.schedule, action.settled, today);
		if (due && due < today) {
			overdue++;
			if (!overdueSince || due < overdueSince) overdueSince = due;
		}
	}
	const isNew = (at: string | null) => arrivedSince(at, summary.coachSeenAt);
	return {
		lean: summary.position === null ? 'none' : leanFor(summary.position),
		change:
			summary.position !== null && summary.previousPosition !== null
				? summary.position - summary.previousPosition
				: null,
		changeKind: summary.changeKind,
		overdue,
		overdueSince,
		hasNew:
			isNew(summary.lastSharedAt) || isNew(summary.lastReportAt) || (summary.unreadReplies ?? 0) > 0
	};
}

export const ROSTER_SORTS = [
	'name',
	'attention',
	'position',
	'change',
	'activity',
	'overdue'
] as const;
export type RosterSort = (typeof ROSTER_SORTS)[number];
export const ROSTER_FILTERS = [
	'all',
	'independent',
	'mixed',
	'dependent',
	'none',
	'overdue',
	'new'
] as const;
export type RosterFilter = (typeof ROSTER_FILTERS)[number];

export interface RosterRowLike {
	name: string;
	position: number | null;
	lastActivityAt: string | null;
	status: RosterStatus;
}

export function matchesFilter(row: RosterRowLike, filter: RosterFilter): boolean {
	switch (filter) {
		case 'all':
			return true;
		case 'overdue':
			return row.status.overdue > 0;
		case 'new':
			return row.status.hasNew;
		default:
			return row.status.lean === filter;
	}
}

// One collator for every comparison: String#localeCompare with options builds one per call.
const collator = new Intl.Collator('en', { sensitivity: 'base' });
const byName = (a: RosterRowLike, b: RosterRowLike) => collator.compare(a.name, b.name);

/** Missing values sort last whatever the direction, then by name. */
function nullsLast<T>(
	get: (row: RosterRowLike) => T | null,
	compare: (a: T, b: T) => number
): (a: RosterRowLike, b: RosterRowLike) => number {
	return (a, b) => {
		const x = get(a);
		const y = get(b);
		if (x === null && y === null) return byName(a, b);
		if (x === null) return 1;
		if (y === null) return -1;
		return compare(x, y) || byName(a, b);
	};
}

export const rosterComparators: Record<RosterSort, (a: RosterRowLike, b: RosterRowLike) => number> =
	{
		name: byName,
		// What needs the coach first: overdue report-backs (longest first), then something new.
		attention: (a, b) => {
			const rank = (r: RosterRowLike) => (r.status.overdue > 0 ? 0 : r.status.hasNew ? 1 : 2);
			return rank(a) - rank(b) || rosterComparators.overdue(a, b);
		},
		// From the most independent to the most dependent.
		position: nullsLast(
			(r) => r.position,
			(x, y) => x - y
		),
		// The biggest moves first, either way.
		change: nullsLast(
			(r) => r.status.change,
			(x, y) => Math.abs(y) - Math.abs(x)
		),
		// Most recent first.
		activity: nullsLast(
			(r) => r.lastActivityAt,
			(x, y) => (x < y ? 1 : x > y ? -1 : 0)
		),
		// Longest overdue first.
		overdue: nullsLast(
			(r) => r.status.overdueSince,
			(x, y) => (x < y ? -1 : x > y ? 1 : 0)
		)
	};

/** "9 days" for an overdue badge. */
export function overdueFor(since: IsoDate, today: IsoDate): number {
	return daysBetween(since, today);
}
