import type { Db } from '../db/create-db.ts';
import type { ReminderMode } from '../db/types.ts';
import type { ActionRow } from '../actions/repository.ts';

/**
 * Claims an email's key in reminder_sends. True only for the one caller whose insert made the
 * row: the key's uniqueness is what makes each reminder or digest go out once.
 */
export async function claimSendKey(
	db: Db,
	key: string,
	userId: string,
	at: string
): Promise<boolean> {
	const claimed = await db
		.insertInto('reminder_sends')
		.values({ key, user_id: userId, sent_at: at })
		.onConflict((oc) => oc.column('key').doNothing())
		.executeTakeFirst();
	return Number(claimed.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function isSendKeyClaimed(db: Db, key: string): Promise<boolean> {
	const row = await db
		.selectFrom('reminder_sends')
		.select('key')
		.where('key', '=', key)
		.executeTakeFirst();
	return row !== undefined;
}

/** When the latest send of this person whose key starts with `keyPrefix` was claimed. */
export async function findLastSendAt(
	db: Db,
	userId: string,
	keyPrefix: string
): Promise<string | null> {
	const row = await db
		.selectFrom('reminder_sends')
		.select((eb) => eb.fn.max('sent_at').as('at'))
		.where('user_id', '=', userId)
		.where('key', 'like', `${keyPrefix}%`)
		.executeTakeFirst();
	return (row?.at as string | null | undefined) ?? null;
}

/** The person's own choice, or undefined when they never made one. */
export async function findReminderMode(db: Db, userId: string): Promise<ReminderMode | undefined> {
	const row = await db
		.selectFrom('reminder_settings')
		.select('mode')
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return row?.mode;
}

export async function saveReminderMode(
	db: Db,
	userId: string,
	mode: ReminderMode,
	at: string
): Promise<void> {
	await db
		.insertInto('reminder_settings')
		.values({ user_id: userId, mode, updated_at: at })
		.onConflict((oc) => oc.column('user_id').doUpdateSet({ mode, updated_at: at }))
		.execute();
}

export interface ActionToRemind {
	action: ActionRow;
	ownerEmail: string;
	ownerName: string;
	/** The owner's reminder choice; null when they never made one. */
	mode: ReminderMode | null;
}

/**
 * The next people, in id order after `after` (from the first when null), who have an open
 * action: one page of the reminder scan, `limit` people at most.
 */
export async function listOwnersOfOpenActions(
	db: Db,
	after: string | null,
	limit: number
): Promise<string[]> {
	let query = db
		.selectFrom('actions')
		.select('user_id')
		.distinct()
		.where('closed_at', 'is', null)
		.orderBy('user_id')
		.limit(limit);
	if (after !== null) query = query.where('user_id', '>', after);
	return (await query.execute()).map((row) => row.user_id);
}

/** These people's open actions, each with its owner's address and reminder choice. */
export async function listOpenActionsToRemind(
	db: Db,
	userIds: readonly string[]
): Promise<ActionToRemind[]> {
	if (userIds.length === 0) return [];
	const rows = await db
		.selectFrom('actions as a')
		.innerJoin('users as u', 'u.id', 'a.user_id')
		.leftJoin('reminder_settings as s', 's.user_id', 'a.user_id')
		.selectAll('a')
		.select(['u.email as owner_email', 'u.name as owner_name', 's.mode'])
		.where('a.closed_at', 'is', null)
		.where('a.user_id', 'in', userIds)
		.execute();
	return rows.map(({ owner_email, owner_name, mode, ...action }) => ({
		action,
		ownerEmail: owner_email,
		ownerName: owner_name,
		mode
	}));
}
