import { sql } from 'kysely';
import { visitStartFor, type VisitMarks } from '../../domain/coach-visits.ts';
import type { Db } from '../db/create-db.ts';
import type { ClientSummariesTable } from '../db/types.ts';
import type { OpenActionDigest } from '../../domain/roster.ts';
import type { ChangeVerdict } from '../../domain/scoring/precision.ts';

/** What the roster keeps per client, as rebuilt by refreshClientSummary (all but the coach's mark). */
export type SummaryValues = Omit<
	ClientSummariesTable,
	'client_id' | 'coach_seen_at' | 'coach_previous_visit_at' | 'result_count' | 'open_actions'
> & {
	result_count: number;
	open_actions: string;
};

/** Writes the client's summary row, creating it (unseen by any coach) when there is none. */
export async function saveClientSummary(
	db: Db,
	clientId: string,
	values: SummaryValues
): Promise<void> {
	await db
		.insertInto('client_summaries')
		.values({ client_id: clientId, coach_seen_at: null, ...values })
		.onConflict((oc) => oc.column('client_id').doUpdateSet(values))
		.execute();
}

/** Moves the client's last activity to `at`; false when the client has no summary row yet. */
export async function touchClientSummary(db: Db, clientId: string, at: string): Promise<boolean> {
	const result = await db
		.updateTable('client_summaries')
		.set({ last_activity_at: at })
		.where('client_id', '=', clientId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) !== 0;
}

/** The coach's last look at the client's page and their last look before that visit. */
export async function findCoachVisit(db: Db, clientId: string): Promise<VisitMarks> {
	const row = await db
		.selectFrom('client_summaries')
		.select(['coach_seen_at', 'coach_previous_visit_at'])
		.where('client_id', '=', clientId)
		.executeTakeFirst();
	return {
		seenAt: row?.coach_seen_at ?? null,
		previousVisitAt: row?.coach_previous_visit_at ?? null
	};
}

/**
 * Marks the client's page as opened by their coach at `at`, by the rule of `markView` applied in
 * SQL against the row as it stands, so two processes marking one client at once cannot undo each
 * other. A missing summary row is created; an existing one keeps everything but these two marks.
 */
export async function markCoachVisit(db: Db, clientId: string, at: string): Promise<void> {
	const seen = sql.ref('client_summaries.coach_seen_at');
	const sameVisit = sql<boolean>`${seen} is not null and ${seen} > ${visitStartFor(at)}`;
	await db
		.insertInto('client_summaries')
		.values({ client_id: clientId, coach_seen_at: at, refreshed_at: at })
		.onConflict((oc) =>
			oc.column('client_id').doUpdateSet({
				coach_previous_visit_at: sql`case when ${sameVisit} then client_summaries.coach_previous_visit_at else ${seen} end`,
				coach_seen_at: sql`case when ${seen} is not null and ${seen} > ${at} then ${seen} else ${at} end`
			})
		)
		.execute();
}

/** Forgets that a coach has seen this client: everything shared counts as new to the next one. */
export async function clearCoachSeen(db: Db, clientId: string): Promise<void> {
	await db
		.updateTable('client_summaries')
		.set({ coach_seen_at: null, coach_previous_visit_at: null })
		.where('client_id', '=', clientId)
		.execute();
}

export function parseOpenActions(json: string | null | undefined): OpenActionDigest[] {
	return !json || json === '[]' ? [] : (JSON.parse(json) as OpenActionDigest[]);
}

/** One client of a practice with their summary, as the roster reads it. */
export interface RosterEntry {
	clientId: string;
	name: string;
	email: string;
	coachName: string | null;
	/** False when the client has no summary row yet (the fields below are then empty). */
	summarised: boolean;
	position: number | null;
	previousPosition: number | null;
	changeKind: ChangeVerdict | null;
	latestResultAt: string | null;
	lastActivityAt: string | null;
	lastSharedAt: string | null;
	lastReportAt: string | null;
	openActions: OpenActionDigest[];
	coachSeenAt: string | null;
	/** The client's replies to their coach that no coach has read yet. */
	unreadReplies: number;
}

/** The practice's clients with their summaries; with `coachId`, only that coach's clients. */
export async function listRosterEntries(
	db: Db,
	practiceId: string,
	coachId: string | null
): Promise<RosterEntry[]> {
	let query = db
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
			's.coach_seen_at',
			// The client's own replies not read yet (replies_client index; few per client).
			(eb) =>
				eb
					.selectFrom('replies as r')
					.select(eb.fn.countAll().as('n'))
					.whereRef('r.client_id', '=', 'm.user_id')
					.whereRef('r.author_id', '=', 'm.user_id')
					.where('r.read_at', 'is', null)
					.as('unread_replies')
		])
		.where('m.practice_id', '=', practiceId)
		.where('m.role', '=', 'client');
	if (coachId !== null) query = query.where('m.coach_id', '=', coachId);
	const rows = await query.execute();
	return rows.map((r) => ({
		clientId: r.clientId,
		name: r.name,
		email: r.email,
		coachName: r.coachName,
		summarised: r.summarised !== null,
		position: r.position,
		previousPosition: r.previous_position,
		changeKind: r.change_kind as ChangeVerdict | null,
		latestResultAt: r.latest_result_at,
		lastActivityAt: r.last_activity_at,
		lastSharedAt: r.last_shared_at,
		lastReportAt: r.last_report_at,
		openActions: parseOpenActions(r.open_actions),
		coachSeenAt: r.coach_seen_at,
		unreadReplies: Number(r.unread_replies ?? 0)
	}));
}

const counted = (rows: { id: string; n: number | string | bigint }[]) =>
	new Map(rows.map((r) => [r.id, Number(r.n)]));

/** Per client: entries shared since their coach last opened their page (or ever, if never). */
export async function countEntriesSharedSinceSeen(
	db: Db,
	clientIds: readonly string[]
): Promise<Map<string, number>> {
	if (clientIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('journal_entries as j')
		.innerJoin('client_summaries as s', 's.client_id', 'j.user_id')
		.select(['j.user_id as id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('j.user_id', 'in', clientIds)
		.where('j.shared_at', 'is not', null)
		.where((eb) =>
			eb.or([eb('s.coach_seen_at', 'is', null), eb('j.shared_at', '>', eb.ref('s.coach_seen_at'))])
		)
		.groupBy('j.user_id')
		.execute();
	return counted(rows);
}

/** Per client: report-backs (not skips) since their coach last opened their page (or ever). */
export async function countReportsSinceSeen(
	db: Db,
	clientIds: readonly string[]
): Promise<Map<string, number>> {
	if (clientIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('action_reports as r')
		.innerJoin('actions as a', 'a.id', 'r.action_id')
		.innerJoin('client_summaries as s', 's.client_id', 'a.user_id')
		.select(['a.user_id as id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('a.user_id', 'in', clientIds)
		.where('r.skipped_at', 'is', null)
		.where((eb) =>
			eb.or([eb('s.coach_seen_at', 'is', null), eb('r.updated_at', '>', eb.ref('s.coach_seen_at'))])
		)
		.groupBy('a.user_id')
		.execute();
	return counted(rows);
}
