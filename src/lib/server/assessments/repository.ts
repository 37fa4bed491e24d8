import type { Db } from '../db/create-db.ts';
import type { AssessmentsTable } from '../db/types.ts';
import type { Selectable } from 'kysely';
import type { AssessmentScore } from '../../domain/scoring/score-assessment.ts';

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

export type CompletedAssessment = Pick<AssessmentRow, 'id' | 'completed_at' | 'result'>;

/** Completed results, oldest first; only what lists and trails need (no raw answers). */
export async function listCompletedAssessments(
	db: Db,
	userId: string
): Promise<CompletedAssessment[]> {
	return db
		.selectFrom('assessments')
		.select(['id', 'completed_at', 'result'])
		.where('user_id', '=', userId)
		.where('completed_at', 'is not', null)
		.orderBy('completed_at')
		.execute();
}

/** The result completed just before `before`, if any. */
export async function findPreviousResult(
	db: Db,
	userId: string,
	before: string
): Promise<CompletedAssessment | undefined> {
	return db
		.selectFrom('assessments')
		.select(['id', 'completed_at', 'result'])
		.where('user_id', '=', userId)
		.where('completed_at', '<', before)
		.orderBy('completed_at', 'desc')
		.limit(1)
		.executeTakeFirst();
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

/** The newest completed results, newest first, with their scores read: the roster compares two. */
export async function listNewestResults(
	db: Db,
	userId: string,
	limit: number
): Promise<{ completedAt: string; score: AssessmentScore }[]> {
	const rows = await db
		.selectFrom('assessments')
		.select(['result', 'completed_at'])
		.where('user_id', '=', userId)
		.where('completed_at', 'is not', null)
		.orderBy('completed_at', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({
		completedAt: r.completed_at!,
		score: JSON.parse(r.result!) as AssessmentScore
	}));
}

/** How many results a person completed, and when any of their assessments last changed. */
export async function summariseAssessmentsOf(
	db: Db,
	userId: string
): Promise<{ completed: number; lastUpdatedAt: string | null }> {
	const row = await db
		.selectFrom('assessments')
		.select((eb) => [
			eb.fn.count<number>('completed_at').as('completed'),
			eb.fn.max('updated_at').as('last')
		])
		.where('user_id', '=', userId)
		.executeTakeFirstOrThrow();
	return { completed: Number(row.completed), lastUpdatedAt: (row.last as string | null) ?? null };
}

/** The assessment with its owner's practice and coach (as a client), for the policy. */
export async function findAssessmentWithOwner(
	db: Db,
	id: string
): Promise<
	{ row: AssessmentRow; ownerPracticeId: string | null; ownerCoachId: string | null } | undefined
> {
	const found = await db
		.selectFrom('assessments as a')
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
