import type { Db } from '../db/create-db.ts';
import type { InvitationsTable } from '../db/types.ts';
import type { Selectable } from 'kysely';

export type InvitationRow = Selectable<InvitationsTable>;

export async function insertInvitation(db: Db, row: InvitationRow): Promise<void> {
	await db.insertInto('invitations').values(row).execute();
}

export async function findInvitation(db: Db, id: string): Promise<InvitationRow | undefined> {
	return db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findInvitationByTokenHash(
	db: Db,
	tokenHash: string
): Promise<InvitationRow | undefined> {
	return db
		.selectFrom('invitations')
		.selectAll()
		.where('token_hash', '=', tokenHash)
		.executeTakeFirst();
}

/** The invitation to this address that can still be accepted, if any. */
export async function findOpenInvitation(
	db: Db,
	practiceId: string,
	email: string,
	nowIso: string
): Promise<(InvitationRow & { inviterName: string }) | undefined> {
	return db
		.selectFrom('invitations as i')
		.innerJoin('users as u', 'u.id', 'i.invited_by')
		.selectAll('i')
		.select('u.name as inviterName')
		.where('i.practice_id', '=', practiceId)
		.where('i.email', '=', email)
		.where('i.accepted_at', 'is', null)
		.where('i.revoked_at', 'is', null)
		.where('i.expires_at', '>', nowIso)
		.executeTakeFirst();
}

/** Newest first; `sentBy` keeps only one sender's invitations. */
export async function listPracticeInvitations(
	db: Db,
	practiceId: string,
	options: { sentBy: string | null; limit: number }
) {
	let query = db
		.selectFrom('invitations as i')
		.innerJoin('users as u', 'u.id', 'i.invited_by')
		.selectAll('i')
		.select('u.name as inviterName')
		.where('i.practice_id', '=', practiceId);
	if (options.sentBy) query = query.where('i.invited_by', '=', options.sentBy);
	return query.orderBy('i.last_sent_at', 'desc').orderBy('i.id').limit(options.limit).execute();
}

/**
 * A new token and a fresh expiry for an invitation still open to change; the old link stops
 * working in the same statement. False when it was accepted or revoked meanwhile.
 */
export async function rotateInvitationToken(
	db: Db,
	id: string,
	change: { tokenHash: string; at: string; expiresAt: string }
): Promise<boolean> {
	const result = await db
		.updateTable('invitations')
		.set((eb) => ({
			token_hash: change.tokenHash,
			expires_at: change.expiresAt,
			last_sent_at: change.at,
			send_count: eb('send_count', '+', 1)
		}))
		.where('id', '=', id)
		.where('accepted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function markInvitationRevoked(db: Db, id: string, at: string): Promise<boolean> {
	const result = await db
		.updateTable('invitations')
		.set({ revoked_at: at })
		.where('id', '=', id)
		.where('accepted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Uses the invitation up; false when it was used, revoked, resent or ran out meanwhile. */
export async function markInvitationAccepted(
	db: Db,
	id: string,
	tokenHash: string,
	by: { userId: string; at: string }
): Promise<boolean> {
	const result = await db
		.updateTable('invitations')
		.set({ accepted_at: by.at, accepted_by: by.userId })
		.where('id', '=', id)
		.where('token_hash', '=', tokenHash)
		.where('accepted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.where('expires_at', '>', by.at)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** The invitation behind a link, with the names its page shows: the practice and the inviter. */
export async function findInvitationWithNamesByTokenHash(
	db: Db,
	tokenHash: string
): Promise<{ row: InvitationRow; practiceName: string; inviterName: string } | undefined> {
	const found = await db
		.selectFrom('invitations as i')
		.innerJoin('practices as p', 'p.id', 'i.practice_id')
		.innerJoin('users as u', 'u.id', 'i.invited_by')
		.selectAll('i')
		.select(['p.name as practiceName', 'u.name as inviterName'])
		.where('i.token_hash', '=', tokenHash)
		.executeTakeFirst();
	if (!found) return undefined;
	const { practiceName, inviterName, ...row } = found;
	return { row, practiceName, inviterName };
}

/** The names an invitation email carries: the practice's and the person who invited. */
export async function findInvitationNames(
	db: Db,
	practiceId: string,
	inviterId: string
): Promise<{ practiceName: string; inviterName: string }> {
	return db
		.selectFrom('practices as p')
		.innerJoin('users as u', (join) => join.on('u.id', '=', inviterId))
		.select(['p.name as practiceName', 'u.name as inviterName'])
		.where('p.id', '=', practiceId)
		.executeTakeFirstOrThrow();
}

/** Accounts (0031): a removed staff member's open invitations stop working. */
export async function revokeOpenInvitationsBy(
	db: Db,
	practiceId: string,
	userId: string,
	at: string
): Promise<void> {
	await db
		.updateTable('invitations')
		.set({ revoked_at: at })
		.where('practice_id', '=', practiceId)
		.where((eb) => eb.or([eb('invited_by', '=', userId), eb('coach_id', '=', userId)]))
		.where('accepted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.execute();
}
