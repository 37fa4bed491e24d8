import type { Db } from '../db/create-db.ts';

/** A finished result of one of a practice's clients: only what the statistics need. */
export type PracticeResultRow = {
	assessment_id: string;
	user_id: string;
	answers: string;
	flagged_at: string | null;
};

/**
 * Every finished result of the given instrument version taken by a client of the practice,
 * grouped by person and oldest first within a person (so the last row of a person is their
 * latest). Names and emails are not selected: the statistics and the export never need them.
 */
export async function listPracticeResults(
	db: Db,
	practiceId: string,
	instrumentVersion: string
): Promise<PracticeResultRow[]> {
	return db
		.selectFrom('assessments')
		.innerJoin('memberships', 'memberships.user_id', 'assessments.user_id')
		.select([
			'assessments.id as assessment_id',
			'assessments.user_id',
			'assessments.answers',
			'assessments.flagged_at'
		])
		.where('memberships.practice_id', '=', practiceId)
		.where('memberships.role', '=', 'client')
		.where('assessments.instrument_version', '=', instrumentVersion)
		.where('assessments.completed_at', 'is not', null)
		.orderBy('assessments.user_id')
		.orderBy('assessments.completed_at')
		.orderBy('assessments.id')
		.execute();
}
