import type { Db } from '../db/create-db.ts';
import type { ReplySubject } from '../db/types.ts';

export interface Subject {
	type: ReplySubject;
	id: string;
	clientId: string;
	/** Entries: whether the client shares it now. Report-backs are always told to the coach. */
	shared: boolean;
	/** Where the client reads the thread, from the site's root. */
	path: string;
}

export const isReplySubject = (value: string): value is ReplySubject =>
	value === 'entry' || value === 'report';

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
