import type { Selectable } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { ActionReportsTable, ActionsTable } from '../db/types.ts';

export type ActionRow = Selectable<ActionsTable>;
export type ReportRow = Selectable<ActionReportsTable>;

export async function insertAction(db: Db, row: ActionRow): Promise<void> {
	await db.insertInto('actions').values(row).execute();
}

export async function findActionById(db: Db, id: string): Promise<ActionRow | undefined> {
	return db.selectFrom('actions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The action with its owner's practice and coach (as a client), for the policy. */
export async function findActionWithOwner(
	db: Db,
	id: string
): Promise<
	{ row: ActionRow; ownerPracticeId: string | null; ownerCoachId: string | null } | undefined
> {
	const found = await db
		.selectFrom('actions as a')
		.leftJoin('memberships as m', (join) =>
			join.onRef('m.user_id', '=', 'a.user_id').on('m.role', '=', 'client')
		)
		.selectAll('a')
		.select(['m.practice_id as owner_practice_id', 'm.coach_id as owner_coach_id'])
		.where('a.id', '=', id)
		.executeTakeFirst();
	if (!found) return undefined;
	const { owner_practice_id, owner_coach_id, ...row } = found;
	return { row, ownerPracticeId: owner_practice_id, ownerCoachId: owner_coach_id };
}

export async function listActionsOf(db: Db, userId: string): Promise<ActionRow[]> {
	return db
		.selectFrom('actions')
		.selectAll()
		.where('user_id', '=', userId)
		.orderBy('created_at')
		.execute();
}

export async function countOpenActions(db: Db, userId: string): Promise<number> {
	const row = await db
		.selectFrom('actions')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('user_id', '=', userId)
		.where('closed_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Report-backs and skips of the given actions, newest occurrence first. */
export async function listReportsOf(db: Db, actionIds: readonly string[]): Promise<ReportRow[]> {
	if (actionIds.length === 0) return [];
	return db
		.selectFrom('action_reports')
		.selectAll()
		.where('action_id', 'in', actionIds)
		.orderBy('occurrence', 'desc')
		.execute();
}

/** An occurrence settled, and how: all the reminder scan and the home's charts read of it. */
export type ReportState = Pick<ReportRow, 'action_id' | 'occurrence' | 'outcome'>;

/** The settled occurrences of these actions, without what the person wrote. */
export async function listReportStatesOf(
	db: Db,
	actionIds: readonly string[]
): Promise<ReportState[]> {
	if (actionIds.length === 0) return [];
	return db
		.selectFrom('action_reports')
		.select(['action_id', 'occurrence', 'outcome'])
		.where('action_id', 'in', actionIds)
		.execute();
}

export async function findReport(
	db: Db,
	actionId: string,
	occurrence: string
): Promise<ReportRow | undefined> {
	return db
		.selectFrom('action_reports')
		.selectAll()
		.where('action_id', '=', actionId)
		.where('occurrence', '=', occurrence)
		.executeTakeFirst();
}

/**
 * Writes the report-back for an occurrence: the first one inserts, any later one (a second
 * submit, an edit, a report after a skip) updates the same row. One statement, so two
 * submits racing each other still leave exactly one row.
 */
export async function upsertReport(db: Db, row: ReportRow): Promise<void> {
	const { id: _id, action_id: _a, occurrence: _o, created_at: _c, ...changes } = row;
	await db
		.insertInto('action_reports')
		.values(row)
		.onConflict((oc) => oc.columns(['action_id', 'occurrence']).doUpdateSet(changes))
		.execute();
}

/** Records a skip; an occurrence that already has a row (a skip or a report) is left alone. */
export async function insertSkip(db: Db, row: ReportRow): Promise<void> {
	await db
		.insertInto('action_reports')
		.values(row)
		.onConflict((oc) => oc.columns(['action_id', 'occurrence']).doNothing())
		.execute();
}

export async function updateAction(
	db: Db,
	id: string,
	changes: Partial<Omit<ActionRow, 'id' | 'user_id' | 'created_at'>>
): Promise<void> {
	await db.updateTable('actions').set(changes).where('id', '=', id).execute();
}

/** Closes an open action; false when it was already closed. */
export async function closeActionRow(db: Db, id: string, at: string): Promise<boolean> {
	const result = await db
		.updateTable('actions')
		.set({ closed_at: at, updated_at: at })
		.where('id', '=', id)
		.where('closed_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function deleteActionRow(db: Db, id: string): Promise<void> {
	// Report-backs go with it (on delete cascade).
	await db.deleteFrom('actions').where('id', '=', id).execute();
}
