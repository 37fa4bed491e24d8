import { sql, type Selectable } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { ReassessmentsTable, ReminderMode } from '../db/types.ts';

export type ReassessmentRow = Selectable<ReassessmentsTable>;

export async function insertReassessment(db: Db, row: ReassessmentRow): Promise<void> {
	await db.insertInto('reassessments').values(row).execute();
}

/** The client's open request (neither completed nor cancelled), the earliest due first. */
export async function findPendingReassessment(
	db: Db,
	clientId: string
): Promise<ReassessmentRow | undefined> {
	return db
		.selectFrom('reassessments')
		.selectAll()
		.where('client_id', '=', clientId)
		.where('completed_at', 'is', null)
		.where('cancelled_at', 'is', null)
		.orderBy('due_on')
		.limit(1)
		.executeTakeFirst();
}

/** Cancels the client's open requests (all, or the one named); returns how many. */
export async function cancelPendingReassessments(
	db: Db,
	clientId: string,
	at: string,
	id?: string
): Promise<number> {
	let query = db
		.updateTable('reassessments')
		.set({ cancelled_at: at })
		.where('client_id', '=', clientId)
		.where('completed_at', 'is', null)
		.where('cancelled_at', 'is', null);
	if (id) query = query.where('id', '=', id);
	const result = await query.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** Marks the open requests made before `at` as done by the assessment finished at `at`. */
export async function completePendingReassessments(
	db: Db,
	clientId: string,
	at: string
): Promise<number> {
	const result = await db
		.updateTable('reassessments')
		.set({ completed_at: at })
		.where('client_id', '=', clientId)
		.where('completed_at', 'is', null)
		.where('cancelled_at', 'is', null)
		.where('created_at', '<=', at)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

export interface DueReassessmentReminder {
	reassessmentId: string;
	clientId: string;
	dueOn: string;
	email: string;
	name: string;
	/** The client's reminder choice; null when they never made one. */
	reminderMode: ReminderMode | null;
}

/** Open retakes due by `today` whose reminder ('reassess:<id>') has not been claimed yet. */
export async function listUnremindedDueReassessments(
	db: Db,
	today: string
): Promise<DueReassessmentReminder[]> {
	const rows = await db
		.selectFrom('reassessments as r')
		.innerJoin('users as u', 'u.id', 'r.client_id')
		.leftJoin('reminder_settings as s', 's.user_id', 'r.client_id')
		.leftJoin('reminder_sends as sent', (join) =>
			join.on('sent.key', '=', sql<string>`'reassess:' || r.id`)
		)
		.select(['r.id', 'r.client_id', 'r.due_on', 'u.email', 'u.name', 's.mode'])
		.where('r.completed_at', 'is', null)
		.where('r.cancelled_at', 'is', null)
		.where('r.due_on', '<=', today)
		.where('sent.key', 'is', null)
		.execute();
	return rows.map((r) => ({
		reassessmentId: r.id,
		clientId: r.client_id,
		dueOn: r.due_on,
		email: r.email,
		name: r.name,
		reminderMode: r.mode
	}));
}
