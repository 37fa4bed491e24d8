import { todayFor } from '../../domain/actions/dates.ts';
import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import {
	matchesFilter,
	rosterComparators,
	rosterStatus,
	type RosterFilter,
	type RosterSort,
	type RosterStatus
} from '../../domain/roster.ts';
import type { AppContext } from '../context.ts';
import { refreshClientSummary } from './refresh-client-summary.ts';
import { flushDeferredMarks, hasPendingMarks } from '../deferred/deferred-marks.ts';
import {
	countEntriesSharedSinceSeen,
	countReportsSinceSeen,
	listRosterEntries
} from './repository.ts';

export const ROSTER_PAGE_SIZE = 25;

export interface RosterRow {
	clientId: string;
	name: string;
	email: string;
	coachName: string | null;
	position: number | null;
	lastActivityAt: string | null;
	latestResultAt: string | null;
	status: RosterStatus;
	/** Counted for the rows on the page only. */
	newEntries: number;
	newReports: number;
	/** The client's replies not read yet. */
	newReplies: number;
}

export interface Roster {
	rows: RosterRow[];
	/** Clients in scope before the filter and search. */
	total: number;
	/** Clients matching the filter and search. */
	matching: number;
	page: number;
	pages: number;
	/** 'mine': the coach's own clients; 'all': every client of the practice (admins). */
	scope: 'mine' | 'all';
	canSeeAll: boolean;
	counts: { overdue: number; new: number };
}

export interface RosterQuery {
	actor: Actor;
	practiceId: string;
	sort: RosterSort;
	filter: RosterFilter;
	search: string;
	page: number;
	scope: 'mine' | 'all';
}

/** Clients without a summary row yet (data from before the roster) are summarised on first view. */
const HEAL_PER_REQUEST = 500;

/**
 * The coach's roster: every client with where they stand and what needs attention. Reads one
 * summary row per client, then filters, sorts and pages in memory: at 5,000 clients that is a
 * few milliseconds, and it keeps search, filters and sorts in one place for both databases.
 */
export async function listRoster(
	ctx: Pick<AppContext, 'db' | 'now' | 'log'>,
	input: RosterQuery
): Promise<Roster> {
	const resource = { practiceId: input.practiceId };
	if (!can(input.actor, 'practice.roster', resource))
		throw new DomainError('not_found', 'This practice does not exist.');
	const roles = input.actor.practices[input.practiceId] ?? [];
	const isCoach = roles.includes('coach');
	const canSeeAll = roles.includes('admin');
	const scope = canSeeAll && (input.scope === 'all' || !isCoach) ? 'all' : 'mine';

	const coachId = scope === 'mine' ? input.actor.userId : null;
	// A coach who read a client's reply a moment ago comes here next: the "read" mark, still
	// waiting to be written, is written first, so the reply no longer counts as new.
	if (hasPendingMarks(ctx)) await flushDeferredMarks(ctx);
	let entries = await listRosterEntries(ctx.db, input.practiceId, coachId);

	const missing = entries.filter((r) => !r.summarised).slice(0, HEAL_PER_REQUEST);
	if (missing.length) {
		for (const row of missing) await refreshClientSummary(ctx, row.clientId);
		entries = await listRosterEntries(ctx.db, input.practiceId, coachId);
	}

	const today = todayFor(ctx.now());
	const all = entries.map((r) => ({
		clientId: r.clientId,
		name: r.name,
		email: r.email,
		coachName: r.coachName,
		position: r.position,
		lastActivityAt: r.lastActivityAt,
		latestResultAt: r.latestResultAt,
		coachSeenAt: r.coachSeenAt,
		newReplies: r.unreadReplies,
		status: rosterStatus(r, today)
	}));

	const needle = input.search.trim().toLocaleLowerCase('en');
	const matching = all.filter(
		(row) =>
			matchesFilter(row, input.filter) &&
			(needle === '' ||
				row.name.toLocaleLowerCase('en').includes(needle) ||
				row.email.toLowerCase().includes(needle))
	);
	matching.sort(rosterComparators[input.sort]);
	const pages = Math.max(1, Math.ceil(matching.length / ROSTER_PAGE_SIZE));
	const page = Math.min(Math.max(1, input.page), pages);
	const onPage = matching.slice((page - 1) * ROSTER_PAGE_SIZE, page * ROSTER_PAGE_SIZE);

	const counts = await countNew(ctx, onPage);
	return {
		rows: onPage.map(({ coachSeenAt: _seen, ...row }) => ({
			...row,
			newEntries: counts.entries.get(row.clientId) ?? 0,
			newReports: counts.reports.get(row.clientId) ?? 0
		})),
		total: all.length,
		matching: matching.length,
		page,
		pages,
		scope,
		canSeeAll,
		counts: {
			overdue: all.filter((r) => r.status.overdue > 0).length,
			new: all.filter((r) => r.status.hasNew).length
		}
	};
}

/** Shared entries and report-backs since the coach last opened each client, for one page. */
async function countNew(
	ctx: Pick<AppContext, 'db'>,
	rows: readonly { clientId: string; status: RosterStatus }[]
): Promise<{ entries: Map<string, number>; reports: Map<string, number> }> {
	const ids = rows.filter((r) => r.status.hasNew).map((r) => r.clientId);
	return {
		entries: await countEntriesSharedSinceSeen(ctx.db, ids),
		reports: await countReportsSinceSeen(ctx.db, ids)
	};
}
