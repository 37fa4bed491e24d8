import type { Db } from '../db/create-db.ts';

const count = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows);

export async function deletePendingSignInsExpiredBefore(db: Db, before: string): Promise<number> {
	return count(
		await db.deleteFrom('pending_sign_ins').where('expires_at', '<', before).executeTakeFirst()
	);
}

export async function deleteAttemptsBefore(db: Db, before: string): Promise<number> {
	return count(
		await db.deleteFrom('auth_attempts').where('attempted_at', '<', before).executeTakeFirst()
	);
}

/** Sent jobs finished before `sentBefore`, and jobs given up on before `failedBefore`. */
export async function deleteFinishedJobs(
	db: Db,
	sentBefore: string,
	failedBefore: string
): Promise<number> {
	const sent = await db.deleteFrom('jobs').where('done_at', '<', sentBefore).executeTakeFirst();
	const failed = await db
		.deleteFrom('jobs')
		.where('failed_at', '<', failedBefore)
		.executeTakeFirst();
	return count(sent) + count(failed);
}

/** Confirm and reset links used, or expired, before `before`. */
export async function deleteSpentTokens(db: Db, before: string): Promise<number> {
	return count(
		await db
			.deleteFrom('email_tokens')
			.where((eb) => eb.or([eb('used_at', '<', before), eb('expires_at', '<', before)]))
			.executeTakeFirst()
	);
}

const LAST_RUN = 'retention_last_day';

/**
 * Claims the day's run: true for exactly one caller per day however many app processes and
 * `jobs run-once` look at the same moment (a compare-and-set on app_meta).
 */
export async function claimRetentionDay(db: Db, day: string): Promise<boolean> {
	await db
		.insertInto('app_meta')
		.values({ name: LAST_RUN, value: '' })
		.onConflict((oc) => oc.column('name').doNothing())
		.execute();
	const claimed = await db
		.updateTable('app_meta')
		.set({ value: day })
		.where('name', '=', LAST_RUN)
		.where('value', '<', day)
		.executeTakeFirst();
	return Number(claimed.numUpdatedRows) === 1;
}
