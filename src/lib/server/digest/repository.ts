import type { Db } from '../db/create-db.ts';
import type { DigestMode } from '../db/types.ts';
import type { OpenActionDigest } from '../../domain/roster.ts';
import { parseOpenActions } from '../roster/repository.ts';

export interface CoachMembership {
	coachId: string;
	name: string;
	email: string;
	/** Null when the coach never chose: the default applies. */
	mode: DigestMode | null;
	practiceId: string;
}

/** Every coach membership, with the coach's digest choice; a coach in two practices comes twice. */
export async function listCoachMemberships(db: Db): Promise<CoachMembership[]> {
	const rows = await db
		.selectFrom('memberships as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.leftJoin('digest_settings as d', 'd.user_id', 'm.user_id')
		.select(['u.id', 'u.name', 'u.email', 'd.mode', 'm.practice_id'])
		.where('m.role', '=', 'coach')
		.execute();
	return rows.map((r) => ({
		coachId: r.id,
		name: r.name,
		email: r.email,
		mode: r.mode,
		practiceId: r.practice_id
	}));
}

/** The coach's own choice, or undefined when they never made one. */
export async function findDigestMode(db: Db, userId: string): Promise<DigestMode | undefined> {
	const row = await db
		.selectFrom('digest_settings')
		.select('mode')
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return row?.mode;
}

export async function saveDigestMode(
	db: Db,
	userId: string,
	mode: DigestMode,
	at: string
): Promise<void> {
	await db
		.insertInto('digest_settings')
		.values({ user_id: userId, mode, updated_at: at })
		.onConflict((oc) => oc.column('user_id').doUpdateSet({ mode, updated_at: at }))
		.execute();
}

/** The coach's clients with the open actions kept in their roster summary. */
export async function listClientsOfCoach(
	db: Db,
	coachId: string
): Promise<{ id: string; name: string; openActions: OpenActionDigest[] }[]> {
	const rows = await db
		.selectFrom('memberships as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.leftJoin('client_summaries as s', 's.client_id', 'm.user_id')
		.select(['u.id', 'u.name', 's.open_actions'])
		.where('m.role', '=', 'client')
		.where('m.coach_id', '=', coachId)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		openActions: parseOpenActions(r.open_actions)
	}));
}

const counted = (rows: { id: string; n: number | string | bigint }[]) =>
	new Map(rows.map((r) => [r.id, Number(r.n)]));

/** Per client: report-backs (not skips) written or changed after `since`. */
export async function countReportsSince(
	db: Db,
	clientIds: readonly string[],
	since: string
): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('action_reports as r')
		.innerJoin('actions as a', 'a.id', 'r.action_id')
		.select(['a.user_id as id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('a.user_id', 'in', clientIds)
		.where('r.skipped_at', 'is', null)
		.where('r.updated_at', '>', since)
		.groupBy('a.user_id')
		.execute();
	return counted(rows);
}

/** Per client: entries shared after `since`. */
export async function countEntriesSharedSince(
	db: Db,
	clientIds: readonly string[],
	since: string
): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('journal_entries')
		.select(['user_id as id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('user_id', 'in', clientIds)
		.where('shared_at', '>', since)
		.groupBy('user_id')
		.execute();
	return counted(rows);
}

/** Per client: replies the client wrote after `since` (not the coach's). */
export async function countClientRepliesSince(
	db: Db,
	clientIds: readonly string[],
	since: string
): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('replies')
		.select(['client_id as id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('client_id', 'in', clientIds)
		.whereRef('author_id', '=', 'client_id')
		.where('created_at', '>', since)
		.groupBy('client_id')
		.execute();
	return counted(rows);
}
