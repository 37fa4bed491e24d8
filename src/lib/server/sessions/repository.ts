import type { Db } from '../db/create-db.ts';
import type { Insertable } from 'kysely';
import type { MembershipRole, Session, SessionsTable, User } from '../db/types.ts';

export async function insertSession(db: Db, session: Insertable<SessionsTable>): Promise<void> {
	await db.insertInto('sessions').values(session).execute();
}

export interface SessionWithUser {
	session: Pick<Session, 'token_hash' | 'last_seen_at' | 'expires_at' | 'reauthenticated_at'>;
	user: Pick<User, 'id' | 'email' | 'name' | 'kind'>;
	memberships: { practiceId: string; role: MembershipRole }[];
	/** Set while the account waits out its grace period before deletion (issue 13). */
	deletionDueAt: string | null;
}

/**
 * The session, its user and the user's memberships, in one query (it runs on every request):
 * only the columns a request needs, which keeps the row small (the wider row cost three times as
 * much to read).
 */
export async function findSessionWithUser(
	db: Db,
	tokenHash: string
): Promise<SessionWithUser | undefined> {
	const rows = await db
		.selectFrom('sessions as s')
		.innerJoin('users as u', 'u.id', 's.user_id')
		.leftJoin('memberships as m', 'm.user_id', 'u.id')
		.leftJoin('account_deletions as d', 'd.user_id', 'u.id')
		.select([
			'd.delete_after',
			's.last_seen_at',
			's.expires_at',
			's.reauthenticated_at',
			'u.id',
			'u.email',
			'u.name',
			'u.kind',
			'm.practice_id',
			'm.role'
		])
		.where('s.token_hash', '=', tokenHash)
		.execute();
	const row = rows[0];
	if (!row) return undefined;
	return {
		session: {
			token_hash: tokenHash,
			last_seen_at: row.last_seen_at,
			expires_at: row.expires_at,
			reauthenticated_at: row.reauthenticated_at
		},
		user: { id: row.id, email: row.email, name: row.name, kind: row.kind },
		memberships: rows.flatMap((r) =>
			r.practice_id && r.role ? [{ practiceId: r.practice_id, role: r.role }] : []
		),
		deletionDueAt: row.delete_after
	};
}

export async function touchSession(db: Db, tokenHash: string, at: string): Promise<void> {
	await db
		.updateTable('sessions')
		.set({ last_seen_at: at })
		.where('token_hash', '=', tokenHash)
		.execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
	await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: string, except?: string): Promise<void> {
	let query = db.deleteFrom('sessions').where('user_id', '=', userId);
	if (except) query = query.where('token_hash', '!=', except);
	await query.execute();
}

export async function deleteExpiredSessions(
	db: Db,
	idleBefore: string,
	now: string
): Promise<number> {
	const result = await db
		.deleteFrom('sessions')
		.where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleBefore)]))
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** Every session of a person, newest first: the sessions list on the account page. */
export async function listSessionsOfUser(
	db: Db,
	userId: string
): Promise<
	Pick<
		Session,
		'token_hash' | 'created_at' | 'last_seen_at' | 'expires_at' | 'user_agent' | 'place'
	>[]
> {
	return db
		.selectFrom('sessions')
		.select(['token_hash', 'created_at', 'last_seen_at', 'expires_at', 'user_agent', 'place'])
		.where('user_id', '=', userId)
		.orderBy('created_at', 'desc')
		.execute();
}

/** One session of this person ended; false when it was not theirs or is gone already. */
export async function deleteSessionOfUser(
	db: Db,
	userId: string,
	tokenHash: string
): Promise<boolean> {
	const result = await db
		.deleteFrom('sessions')
		.where('user_id', '=', userId)
		.where('token_hash', '=', tokenHash)
		.executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

export async function markSessionReauthenticated(
	db: Db,
	tokenHash: string,
	at: string
): Promise<void> {
	await db
		.updateTable('sessions')
		.set({ reauthenticated_at: at })
		.where('token_hash', '=', tokenHash)
		.execute();
}

/** Records a browser as known to an account; false when it was known already. */
export async function insertKnownDevice(
	db: Db,
	row: { userId: string; deviceHash: string; at: string }
): Promise<boolean> {
	const result = await db
		.insertInto('known_devices')
		.values({ user_id: row.userId, device_hash: row.deviceHash, first_seen_at: row.at })
		.onConflict((oc) => oc.columns(['user_id', 'device_hash']).doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Where a session signed in from, as the proxy said (PLACE_HEADER). */
export async function setSessionPlace(db: Db, tokenHash: string, place: string): Promise<void> {
	await db.updateTable('sessions').set({ place }).where('token_hash', '=', tokenHash).execute();
}
