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

/** The entries and report-backs of a client with a reply from the client that is not read yet. */
export async function listSubjectsWithUnreadClientReplies(
	db: Db,
	clientId: string
): Promise<string[]> {
	const rows = await db
		.selectFrom('replies')
		.select('subject_id')
		.distinct()
		.where('client_id', '=', clientId)
		.whereRef('author_id', '=', 'client_id')
		.where('read_at', 'is', null)
		.execute();
	return rows.map((r) => r.subject_id);
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

export interface Subject {
	type: ReplySubject;
	id: string;
	clientId: string;
	/** Entries: whether the client shares it now. Report-backs are always told to the coach. */
	shared: boolean;
	/** Where the client reads the thread, from the site's root. */
	path: string;
}

/** What a thread hangs on: a journal entry or a report-back, with whose record it is. */
export async function findSubject(
	db: Db,
	type: ReplySubject,
	id: string
): Promise<Subject | undefined> {
	if (type === 'entry') {
		const entry = await db
			.selectFrom('journal_entries')
			.select(['id', 'user_id', 'shared_at'])
			.where('id', '=', id)
			.executeTakeFirst();
		if (!entry) return undefined;
		return {
			type,
			id,
			clientId: entry.user_id,
			shared: entry.shared_at !== null,
			path: `/journal/${entry.id}#replies`
		};
	}
	const report = await db
		.selectFrom('action_reports as r')
		.innerJoin('actions as a', 'a.id', 'r.action_id')
		.select(['r.id', 'r.action_id', 'a.user_id'])
		.where('r.id', '=', id)
		.executeTakeFirst();
	if (!report) return undefined;
	return {
		type,
		id,
		clientId: report.user_id,
		shared: true,
		path: `/actions/${report.action_id}#thread-${report.id}`
	};
}

/** One reply to the client, from someone else, that the client has not read yet. */
export interface UnreadReply {
	id: string;
	subjectType: ReplySubject;
	subjectId: string;
	/** For a reply on a report-back: the action the report belongs to. */
	actionId: string | null;
}

export async function listUnreadRepliesTo(db: Db, clientId: string): Promise<UnreadReply[]> {
	const rows = await db
		.selectFrom('replies as r')
		.leftJoin('action_reports as ar', (join) =>
			join.onRef('ar.id', '=', 'r.subject_id').on('r.subject_type', '=', 'report')
		)
		.select(['r.id', 'r.subject_type', 'r.subject_id', 'ar.action_id'])
		.where('r.client_id', '=', clientId)
		.where('r.author_id', '!=', clientId)
		.where('r.read_at', 'is', null)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		subjectType: r.subject_type,
		subjectId: r.subject_id,
		actionId: r.action_id
	}));
}

/** An unread reply with what it answers, for the client's home. */
export interface UnreadReplyWithSubject extends UnreadReply {
	/** Entries: when the client wrote it. */
	entryWrittenAt: string | null;
	/** Report-backs: the wording of the action. */
	actionWhat: string | null;
}

/**
 * The coach's replies a client has not read yet, newest first, each with what it answers: a
 * journal entry (and when it was written) or a report-back (and its action's wording). No text
 * is decrypted.
 */
export async function listUnreadRepliesWithSubjects(
	db: Db,
	clientId: string
): Promise<UnreadReplyWithSubject[]> {
	const rows = await db
		.selectFrom('replies as r')
		.leftJoin('journal_entries as j', (join) =>
			join.onRef('j.id', '=', 'r.subject_id').on('r.subject_type', '=', 'entry')
		)
		.leftJoin('action_reports as ar', (join) =>
			join.onRef('ar.id', '=', 'r.subject_id').on('r.subject_type', '=', 'report')
		)
		.leftJoin('actions as a', 'a.id', 'ar.action_id')
		.select([
			'r.id',
			'r.subject_type',
			'r.subject_id',
			'j.created_at as entry_written_at',
			'a.id as action_id',
			'a.what as action_what'
		])
		.where('r.client_id', '=', clientId)
		.where('r.author_id', '!=', clientId)
		.where('r.read_at', 'is', null)
		.orderBy('r.created_at', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		subjectType: r.subject_type,
		subjectId: r.subject_id,
		actionId: r.action_id,
		entryWrittenAt: r.entry_written_at === null ? null : String(r.entry_written_at),
		actionWhat: r.action_what
	}));
}
