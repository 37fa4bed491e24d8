import type { Db } from '../db/create-db.ts';
import type { TotpFactorsTable } from '../db/types.ts';
import type { Selectable } from 'kysely';

export type TotpFactor = Selectable<TotpFactorsTable>;

export async function findTotpFactor(db: Db, userId: string): Promise<TotpFactor | undefined> {
	return db.selectFrom('totp_factors').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Starts (or restarts) enrolment with a new secret; the factor is off until enabled. */
export async function saveTotpEnrolment(
	db: Db,
	row: { userId: string; secretEncrypted: string; createdAt: string }
): Promise<void> {
	const values = {
		user_id: row.userId,
		secret_encrypted: row.secretEncrypted,
		created_at: row.createdAt,
		enabled_at: null,
		last_step: null
	};
	await db
		.insertInto('totp_factors')
		.values(values)
		.onConflict((oc) => oc.column('user_id').doUpdateSet(values))
		.execute();
}

/**
 * Records `step` as the last accepted one, and optionally turns the factor on, only if no code
 * of that step or a later one was accepted before. False: someone else's request won the step.
 */
export async function acceptTotpStep(
	db: Db,
	userId: string,
	step: number,
	enableAt?: string
): Promise<boolean> {
	const result = await db
		.updateTable('totp_factors')
		.set(enableAt ? { last_step: step, enabled_at: enableAt } : { last_step: step })
		.where('user_id', '=', userId)
		.where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function deleteTotpFactor(db: Db, userId: string): Promise<void> {
	await db.deleteFrom('totp_factors').where('user_id', '=', userId).execute();
}

/** Replaces every recovery code of the person with new ones (given as hashes). */
export async function replaceRecoveryCodes(
	db: Db,
	userId: string,
	hashes: readonly string[],
	createdAt: string
): Promise<void> {
	await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
	if (hashes.length === 0) return;
	await db
		.insertInto('recovery_codes')
		.values(hashes.map((code_hash) => ({ user_id: userId, code_hash, created_at: createdAt })))
		.execute();
}

/** Marks an unused code used; false when there is no such code or it was used already. */
export async function markRecoveryCodeUsed(
	db: Db,
	userId: string,
	codeHash: string,
	usedAt: string
): Promise<boolean> {
	const result = await db
		.updateTable('recovery_codes')
		.set({ used_at: usedAt })
		.where('user_id', '=', userId)
		.where('code_hash', '=', codeHash)
		.where('used_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** When the code was used, or undefined when the person has no such code. */
export async function findRecoveryCodeUse(
	db: Db,
	userId: string,
	codeHash: string
): Promise<{ usedAt: string | null } | undefined> {
	const row = await db
		.selectFrom('recovery_codes')
		.select('used_at')
		.where('user_id', '=', userId)
		.where('code_hash', '=', codeHash)
		.executeTakeFirst();
	return row && { usedAt: row.used_at };
}

export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
	const row = await db
		.selectFrom('recovery_codes')
		.select((eb) => eb.fn.countAll().as('n'))
		.where('user_id', '=', userId)
		.where('used_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function insertPendingSignIn(
	db: Db,
	row: { tokenHash: string; userId: string; createdAt: string; expiresAt: string }
): Promise<void> {
	await db
		.insertInto('pending_sign_ins')
		.values({
			token_hash: row.tokenHash,
			user_id: row.userId,
			created_at: row.createdAt,
			expires_at: row.expiresAt
		})
		.execute();
}

export async function findPendingSignIn(
	db: Db,
	tokenHash: string
): Promise<{ userId: string; expiresAt: string } | undefined> {
	const row = await db
		.selectFrom('pending_sign_ins')
		.select(['user_id', 'expires_at'])
		.where('token_hash', '=', tokenHash)
		.executeTakeFirst();
	return row && { userId: row.user_id, expiresAt: row.expires_at };
}

/** Ends a pending sign-in; false when it was already gone (used by a parallel request). */
export async function deletePendingSignIn(db: Db, tokenHash: string): Promise<boolean> {
	const result = await db
		.deleteFrom('pending_sign_ins')
		.where('token_hash', '=', tokenHash)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export async function deleteExpiredPendingSignIns(db: Db, now: string): Promise<void> {
	await db.deleteFrom('pending_sign_ins').where('expires_at', '<=', now).execute();
}

/**
 * True when a practice where the person is a coach or admin requires a second factor and they
 * have none turned on. One query, since it runs on every request of a staff member.
 */
export async function isMissingRequiredSecondFactor(db: Db, userId: string): Promise<boolean> {
	const row = await db
		.selectFrom('memberships')
		.innerJoin('practices', 'practices.id', 'memberships.practice_id')
		.leftJoin('totp_factors', 'totp_factors.user_id', 'memberships.user_id')
		.select('practices.id')
		.where('memberships.user_id', '=', userId)
		.where('memberships.role', 'in', ['coach', 'admin'])
		.where('practices.second_factor_required_at', 'is not', null)
		.where('totp_factors.enabled_at', 'is', null)
		.executeTakeFirst();
	return row !== undefined;
}
