import type { Selectable } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { RepliesTable, ReplySubject } from '../db/types.ts';

export type ReplyRow = Selectable<RepliesTable>;

export async function insertReply(db: Db, row: ReplyRow): Promise<void> {
	await db.insertInto('replies').values(row).execute();
}

/** The replies on the given subjects of one client, oldest first (a thread reads top down). */
export async function listReplies(
	db: Db,
	clientId: string,
	subjectType: ReplySubject,
	subjectIds: readonly string[]
): Promise<ReplyRow[]> {
	if (subjectIds.length === 0) return [];
	return db
		.selectFrom('replies')
		.selectAll()
		.where('client_id', '=', clientId)
		.where('subject_type', '=', subjectType)
		.where('subject_id', 'in', subjectIds)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
}

export async function markRepliesRead(db: Db, ids: readonly string[], at: string): Promise<void> {
	if (ids.length === 0) return;
	await db
		.updateTable('replies')
		.set({ read_at: at })
		.where('id', 'in', ids)
		.where('read_at', 'is', null)
		.execute();
}
