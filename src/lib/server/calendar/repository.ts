import type { Selectable } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { CalendarFeedsTable } from '../db/types.ts';

export type CalendarFeedRow = Selectable<CalendarFeedsTable>;

export async function insertFeed(db: Db, row: CalendarFeedRow): Promise<void> {
	await db.insertInto('calendar_feeds').values(row).execute();
}

/** Turns off every live feed of the person; returns how many were live. */
export async function revokeFeedsOf(db: Db, userId: string, at: string): Promise<number> {
	const result = await db
		.updateTable('calendar_feeds')
		.set({ revoked_at: at })
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** The person's live feed, if any (there is at most one: making a new one revokes the old). */
export async function findLiveFeedOf(db: Db, userId: string) {
	return db
		.selectFrom('calendar_feeds')
		.select(['id', 'created_at'])
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.orderBy('created_at', 'desc')
		.executeTakeFirst();
}

/** Whose live feed a token hash opens; undefined when unknown or revoked. */
export async function findLiveFeedByHash(db: Db, tokenHash: string) {
	return db
		.selectFrom('calendar_feeds')
		.select(['id', 'user_id'])
		.where('token_hash', '=', tokenHash)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
}

/** The open actions a feed lists: closed ones drop out of the calendar. */
export async function listOpenActionsOf(db: Db, userId: string) {
	return db
		.selectFrom('actions')
		.selectAll()
		.where('user_id', '=', userId)
		.where('closed_at', 'is', null)
		.orderBy('created_at')
		.execute();
}
