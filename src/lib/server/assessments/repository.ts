import type { Db } from '../db/create-db.ts';
import type { AssessmentsTable } from '../db/types.ts';
import type { Selectable } from 'kysely';

export type AssessmentRow = Selectable<AssessmentsTable>;

export async function findOpenAssessment(
	db: Db,
	userId: string
): Promise<AssessmentRow | undefined> {
	return db
		.selectFrom('assessments')
		.selectAll()
		.where('user_id', '=', userId)
		.where('completed_at', 'is', null)
		.executeTakeFirst();
}

export async function findAssessment(db: Db, id: string): Promise<AssessmentRow | undefined> {
	return db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listCompletedAssessments(db: Db, userId: string): Promise<AssessmentRow[]> {
	return db
		.selectFrom('assessments')
		.selectAll()
		.where('user_id', '=', userId)
		.where('completed_at', 'is not', null)
		.orderBy('completed_at')
		.execute();
}

export async function insertAssessment(db: Db, row: AssessmentRow): Promise<void> {
	await db.insertInto('assessments').values(row).execute();
}

/**
 * Saves a page only if the assessment is still on that page (`expectedPage`): a double submit or a
 * stale tab changes nothing and the caller learns so from the `false`.
 */
export async function savePage(
	db: Db,
	id: string,
	expectedPage: number,
	changes: Partial<Omit<AssessmentRow, 'id' | 'user_id'>>
): Promise<boolean> {
	const result = await db
		.updateTable('assessments')
		.set(changes)
		.where('id', '=', id)
		.where('next_page', '=', expectedPage)
		.where('completed_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function markPageShown(db: Db, id: string, at: string): Promise<void> {
	await db.updateTable('assessments').set({ page_shown_at: at }).where('id', '=', id).execute();
}
