import { hasUserKey } from '../crypto/repository.ts';
import type { Db } from '../db/create-db.ts';

export async function insertDeletion(
	db: Db,
	row: { userId: string; requestedAt: string; deleteAfter: string }
): Promise<void> {
	await db
		.insertInto('account_deletions')
		.values({ user_id: row.userId, requested_at: row.requestedAt, delete_after: row.deleteAfter })
		.onConflict((oc) => oc.column('user_id').doNothing())
		.execute();
}

export async function findDeletion(
	db: Db,
	userId: string
): Promise<{ requestedAt: string; deleteAfter: string } | undefined> {
	const row = await db
		.selectFrom('account_deletions')
		.select(['requested_at', 'delete_after'])
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return row && { requestedAt: row.requested_at, deleteAfter: row.delete_after };
}

/** Undo: true when there was a deletion waiting. */
export async function deleteDeletion(db: Db, userId: string): Promise<boolean> {
	const result = await db
		.deleteFrom('account_deletions')
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

/** Invitations still open that the person sent, or that were sent to their address. */
const openInvitations = (db: Db, userId: string, email: string, now: string) =>
	db
		.updateTable('invitations')
		.where((eb) => eb.or([eb('invited_by', '=', userId), eb('email', '=', email)]))
		.where('accepted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.where('expires_at', '>', now);

export async function countOpenInvitations(
	db: Db,
	userId: string,
	email: string,
	now: string
): Promise<number> {
	const row = await db
		.selectFrom('invitations')
		.select((eb) => eb.fn.countAll().as('n'))
		.where((eb) => eb.or([eb('invited_by', '=', userId), eb('email', '=', email)]))
		.where('accepted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.where('expires_at', '>', now)
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

export async function revokeOpenInvitations(
	db: Db,
	userId: string,
	email: string,
	now: string
): Promise<void> {
	await openInvitations(db, userId, email, now).set({ revoked_at: now }).execute();
}

/** The coach a client works with, for the "has left" email: name and address only. */
export async function findCoachOf(
	db: Db,
	userId: string
): Promise<{ name: string; email: string } | undefined> {
	return db
		.selectFrom('memberships as m')
		.innerJoin('users as c', 'c.id', 'm.coach_id')
		.select(['c.name', 'c.email'])
		.where('m.user_id', '=', userId)
		.where('m.role', '=', 'client')
		.executeTakeFirst();
}

/** People other than this admin in the practices they administer. */
export async function countOthersInAdministeredPractices(db: Db, userId: string): Promise<number> {
	const row = await db
		.selectFrom('memberships as mine')
		.innerJoin('memberships as other', 'other.practice_id', 'mine.practice_id')
		.select((eb) => eb.fn.countAll().as('n'))
		.where('mine.user_id', '=', userId)
		.where('mine.role', '=', 'admin')
		.where('other.user_id', '!=', userId)
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

/**
 * Deletes the person: every table that holds something of theirs references users.id with ON
 * DELETE CASCADE (migrations 0001–0046); also the traces keyed by their address. Their data key,
 * in the key store, was destroyed just before (erase-account.ts, decision 0041).
 */
export async function eraseAccountRows(
	db: Db,
	userId: string,
	email: string | null
): Promise<void> {
	if (email) {
		await db.deleteFrom('auth_attempts').where('bucket', 'like', `%:${email}%`).execute();
		await db.deleteFrom('dev_mailbox').where('to_address', '=', email).execute();
	}
	const ran = await db
		.selectFrom('memberships')
		.select('practice_id')
		.where('user_id', '=', userId)
		.where('role', '=', 'admin')
		.execute();
	// Accounts (0031): staff events they made as an admin stay in others' logs, without them.
	await db
		.updateTable('security_events')
		.set({ actor_id: null })
		.where('actor_id', '=', userId)
		.execute();
	await db.deleteFrom('users').where('id', '=', userId).execute();
	// A practice they ran alone goes too: its name may be theirs.
	for (const { practice_id } of ran) {
		const left = await db
			.selectFrom('memberships')
			.select('id')
			.where('practice_id', '=', practice_id)
			.executeTakeFirst();
		if (!left) await db.deleteFrom('practices').where('id', '=', practice_id).execute();
	}
}

/** Whether anything of this person is still stored (for re-applying erasures after a restore). */
export async function hasAccountRows(db: Db, userId: string): Promise<boolean> {
	const user = await db
		.selectFrom('users')
		.select('id')
		.where('id', '=', userId)
		.executeTakeFirst();
	return Boolean(user) || (await hasUserKey(db, userId));
}
