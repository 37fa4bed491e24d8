import type { Db } from '../db/create-db.ts';
import type { PracticeNormsTable } from '../db/types.ts';
import type { Selectable } from 'kysely';
import type { NormFigures } from '../../domain/scoring/local-norms.ts';
import type { AssessmentScore } from '../../domain/scoring/score-assessment.ts';

export type PracticeNormsRow = Selectable<PracticeNormsTable>;

/** The norms a practice has in force, if it adopted its own. */
export async function findNormsInForce(
	db: Db,
	practiceId: string
): Promise<PracticeNormsRow | undefined> {
	return db
		.selectFrom('practice_norms')
		.selectAll()
		.where('practice_id', '=', practiceId)
		.where('retired_at', 'is', null)
		.executeTakeFirst();
}

/** The norms in force in the practice where this person is a client, if any. */
export async function findNormsInForceForClient(
	db: Db,
	userId: string
): Promise<PracticeNormsRow | undefined> {
	return db
		.selectFrom('practice_norms as n')
		.innerJoin('memberships as m', 'm.practice_id', 'n.practice_id')
		.selectAll('n')
		.where('m.user_id', '=', userId)
		.where('m.role', '=', 'client')
		.where('n.retired_at', 'is', null)
		.executeTakeFirst();
}

/** Puts new norms in force, retiring the ones before, in one transaction. */
export async function replaceNormsInForce(
	db: Db,
	row: Omit<PracticeNormsRow, 'figures' | 'retired_at'> & { figures: NormFigures }
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('practice_norms')
			.set({ retired_at: row.adopted_at })
			.where('practice_id', '=', row.practice_id)
			.where('retired_at', 'is', null)
			.execute();
		await trx
			.insertInto('practice_norms')
			.values({ ...row, figures: JSON.stringify(row.figures), retired_at: null })
			.execute();
	});
}

/** Goes back to the built-in norms; returns whether any norms were in force. */
export async function retireNormsInForce(db: Db, practiceId: string, at: string): Promise<boolean> {
	const result = await db
		.updateTable('practice_norms')
		.set({ retired_at: at })
		.where('practice_id', '=', practiceId)
		.where('retired_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/**
 * Each client's two latest finished results (stored scores only), for the preview of how change
 * verdicts would move. Names are not selected.
 */
export async function listLatestResultPairs(
	db: Db,
	practiceId: string
): Promise<{ before: AssessmentScore; after: AssessmentScore }[]> {
	const rows = await db
		.selectFrom('assessments')
		.innerJoin('memberships', 'memberships.user_id', 'assessments.user_id')
		.select(['assessments.user_id', 'assessments.result'])
		.where('memberships.practice_id', '=', practiceId)
		.where('memberships.role', '=', 'client')
		.where('assessments.completed_at', 'is not', null)
		.orderBy('assessments.user_id')
		.orderBy('assessments.completed_at')
		.execute();
	const latest = new Map<string, string[]>();
	for (const row of rows) {
		const results = latest.get(row.user_id) ?? [];
		results.push(row.result!);
		latest.set(row.user_id, results.slice(-2));
	}
	return [...latest.values()]
		.filter((results) => results.length === 2)
		.map(([before, after]) => ({
			before: JSON.parse(before!) as AssessmentScore,
			after: JSON.parse(after!) as AssessmentScore
		}));
}
