import type { Db } from '../db/create-db.ts';

export interface SecurityEventRow {
	kind: string;
	at: string;
	device: string | null;
}

export async function insertSecurityEvent(
	db: Db,
	row: {
		id: string;
		userId: string;
		kind: string;
		at: string;
		device: string | null;
		practiceId?: string | null;
		actorId?: string | null;
	}
): Promise<void> {
	await db
		.insertInto('security_events')
		.values({
			id: row.id,
			user_id: row.userId,
			kind: row.kind,
			at: row.at,
			device: row.device,
			practice_id: row.practiceId ?? null,
			actor_id: row.actorId ?? null
		})
		.execute();
}

/** One person's events, newest first. */
export async function listSecurityEventsOf(
	db: Db,
	userId: string,
	limit: number
): Promise<SecurityEventRow[]> {
	return db
		.selectFrom('security_events')
		.select(['kind', 'at', 'device'])
		.where('user_id', '=', userId)
		.orderBy('at', 'desc')
		.orderBy('id')
		.limit(limit)
		.execute();
}

/** When a kind of event was last recorded for a person, if ever. */
export async function lastSecurityEventAt(
	db: Db,
	userId: string,
	kind: string
): Promise<string | null> {
	const row = await db
		.selectFrom('security_events')
		.select('at')
		.where('user_id', '=', userId)
		.where('kind', '=', kind)
		.orderBy('at', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row?.at ?? null;
}

export interface PracticeEventRow extends SecurityEventRow {
	subject: string;
	actor: string | null;
}

/**
 * A practice's staff events, newest first: those recorded against the practice (staff changes,
 * its exports) and the lockouts of its current coaches and admins. Names, never addresses.
 */
export async function listPracticeSecurityEvents(
	db: Db,
	practiceId: string,
	lockoutKind: string,
	limit: number
): Promise<PracticeEventRow[]> {
	const staff = db
		.selectFrom('memberships')
		.select('user_id')
		.where('practice_id', '=', practiceId)
		.where('role', '!=', 'client');
	return db
		.selectFrom('security_events as e')
		.innerJoin('users as u', 'u.id', 'e.user_id')
		.leftJoin('users as a', 'a.id', 'e.actor_id')
		.select(['e.kind', 'e.at', 'e.device', 'u.name as subject', 'a.name as actor'])
		.where((eb) =>
			eb.or([
				eb('e.practice_id', '=', practiceId),
				eb.and([eb('e.kind', '=', lockoutKind), eb('e.user_id', 'in', staff)])
			])
		)
		.orderBy('e.at', 'desc')
		.orderBy('e.id')
		.limit(limit)
		.execute();
}
