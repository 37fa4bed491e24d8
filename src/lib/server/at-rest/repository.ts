import type { Db } from '../db/create-db.ts';

export const PENDING_MARK = 'seal_pending_0048';

export async function hasPendingMark(db: Db): Promise<boolean> {
	const row = await db
		.selectFrom('app_meta')
		.select('name')
		.where('name', '=', PENDING_MARK)
		.executeTakeFirst();
	return row !== undefined;
}

export async function removePendingMark(db: Db): Promise<void> {
	await db.deleteFrom('app_meta').where('name', '=', PENDING_MARK).execute();
}

export const listActionTexts = (db: Db) =>
	db.selectFrom('actions').select(['id', 'user_id', 'what', 'with_email']).execute();

export const listReportTexts = (db: Db) =>
	db
		.selectFrom('action_reports as r')
		.innerJoin('actions as a', 'a.id', 'r.action_id')
		.select(['r.id', 'r.action_id', 'r.occurrence', 'r.note', 'r.happened', 'a.user_id'])
		.where((eb) => eb.or([eb('r.note', 'is not', null), eb('r.happened', 'is not', null)]))
		.execute();

export const listConfirmationTexts = (db: Db) =>
	db
		.selectFrom('counterpart_confirmations as c')
		.innerJoin('actions as a', 'a.id', 'c.action_id')
		.select(['c.id', 'c.sent_to', 'c.comment', 'a.user_id'])
		.execute();

/** Compare-and-set: the row is changed only if it still holds what was read. */
export async function replaceActionTexts(
	db: Db,
	id: string,
	from: { what: string; with_email: string | null },
	to: { what: string; with_email: string | null }
): Promise<void> {
	let query = db.updateTable('actions').set(to).where('id', '=', id).where('what', '=', from.what);
	query =
		from.with_email === null
			? query.where('with_email', 'is', null)
			: query.where('with_email', '=', from.with_email);
	await query.execute();
}

type ReportTexts = { note: string | null; happened: string | null };

export async function replaceReportTexts(
	db: Db,
	id: string,
	from: ReportTexts,
	to: ReportTexts
): Promise<void> {
	let query = db.updateTable('action_reports').set(to).where('id', '=', id);
	for (const column of ['note', 'happened'] as const) {
		const was = from[column];
		query = was === null ? query.where(column, 'is', null) : query.where(column, '=', was);
	}
	await query.execute();
}

export async function replaceConfirmationTexts(
	db: Db,
	id: string,
	from: { sent_to: string; comment: string | null },
	to: { sent_to: string; comment: string | null }
): Promise<void> {
	let query = db
		.updateTable('counterpart_confirmations')
		.set(to)
		.where('id', '=', id)
		.where('sent_to', '=', from.sent_to);
	query =
		from.comment === null
			? query.where('comment', 'is', null)
			: query.where('comment', '=', from.comment);
	await query.execute();
}
