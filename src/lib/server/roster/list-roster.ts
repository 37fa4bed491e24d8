import { todayFor } from '../../domain/actions/dates.ts';
import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import {
	matchesFilter,
	rosterComparators,
	rosterStatus,
	type OpenActionDigest,
	type RosterFilter,
	type RosterSort,
	type RosterStatus
} from '../../domain/roster.ts';
import type { ChangeVerdict } from '../../domain/scoring/precision.ts';
import type { AppContext } from '../context.ts';
import { refreshClientSummary } from './refresh-client-summary.ts';

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
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: RosterQuery
): Promise<Roster> {
	const resource = { practiceId: input.practiceId };
	if (!can(input.actor, 'practice.roster', resource))
		throw new DomainError('not_found', 'This practice does not exist.');
	const roles = input.actor.practices[input.practiceId] ?? [];
	const isCoach = roles.includes('coach');
	const canSeeAll = roles.includes('admin');
	const scope = canSeeAll && (input.scope === 'all' || !isCoach) ? 'all' : 'mine';

	let query = ctx.db
		.selectFrom('memberships as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.leftJoin('users as c', 'c.id', 'm.coach_id')
		.leftJoin('client_summaries as s', 's.client_id', 'm.user_id')
		.select([
			'm.user_id as clientId',
			'u.name',
			'u.email',
			'c.name as coachName',
			's.client_id as summarised',
			's.position',
			's.previous_position',
			's.change_kind',
			's.latest_result_at',
			's.last_activity_at',
			's.last_shared_at',
			's.last_report_at',
			's.open_actions',
			's.coach_seen_at'
		])
		.where('m.practice_id', '=', input.practiceId)
		.where('m.role', '=', 'client');
	if (scope === 'mine') query = query.where('m.coach_id', '=', input.actor.userId);
	let raw = await query.execute();

	const missing = raw.filter((r) => r.summarised === null).slice(0, HEAL_PER_REQUEST);
	if (missing.length) {
		for (const row of missing) await refreshClientSummary(ctx, row.clientId);
		raw = await query.execute();
	}

	const today = todayFor(ctx.now());
	const all = raw.map((r) => {
		const status = rosterStatus(
			{
				position: r.position,
				previousPosition: r.previous_position,
				changeKind: r.change_kind as ChangeVerdict | null,
				lastSharedAt: r.last_shared_at,
				lastReportAt: r.last_report_at,
				coachSeenAt: r.coach_seen_at,
				openActions:
					!r.open_actions || r.open_actions === '[]'
						? []
						: (JSON.parse(r.open_actions) as OpenActionDigest[])
			},
			today
		);
		return {
			clientId: r.clientId,
			name: r.name,
			email: r.email,
			coachName: r.coachName,
			position: r.position,
			lastActivityAt: r.last_activity_at,
			latestResultAt: r.latest_result_at,
			coachSeenAt: r.coach_seen_at,
			status
		};
	});

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
	const entries = new Map<string, number>();
	const reports = new Map<string, number>();
	if (ids.length === 0) return { entries, reports };
	const entryCounts = await ctx.db
		.selectFrom('journal_entries as j')
		.innerJoin('client_summaries as s', 's.client_id', 'j.user_id')
		.select(['j.user_id as id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('j.user_id', 'in', ids)
		.where('j.shared_at', 'is not', null)
		.where((eb) =>
			eb.or([eb('s.coach_seen_at', 'is', null), eb('j.shared_at', '>', eb.ref('s.coach_seen_at'))])
		)
		.groupBy('j.user_id')
		.execute();
	for (const row of entryCounts) entries.set(row.id, Number(row.n));
	const reportCounts = await ctx.db
		.selectFrom('action_reports as r')
		.innerJoin('actions as a', 'a.id', 'r.action_id')
		.innerJoin('client_summaries as s', 's.client_id', 'a.user_id')
		.select(['a.user_id as id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('a.user_id', 'in', ids)
		.where('r.skipped_at', 'is', null)
		.where((eb) =>
			eb.or([eb('s.coach_seen_at', 'is', null), eb('r.updated_at', '>', eb.ref('s.coach_seen_at'))])
		)
		.groupBy('a.user_id')
		.execute();
	for (const row of reportCounts) reports.set(row.id, Number(row.n));
	return { entries, reports };
}
