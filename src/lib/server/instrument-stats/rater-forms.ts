import type { DomainCode } from '../../content/instrument/codes.ts';
import type { PracticeRaterForm, Release } from '../../domain/feedback/pooling.ts';
import type { Answers } from '../../domain/scoring/read-answers.ts';
import type { Db } from '../db/create-db.ts';

/**
 * Sent rater forms of the practice's clients' closed rounds, with each round's stored release,
 * for the rater statistics. Names, addresses and comments are not selected; rows come in rater
 * id order (random), which says nothing of who answered or when.
 */
export async function listPracticeRaterForms(
	db: Db,
	practiceId: string
): Promise<PracticeRaterForm[]> {
	const rows = await db
		.selectFrom('feedback_raters as r')
		.innerJoin('feedback_rounds as f', 'f.id', 'r.round_id')
		.innerJoin('memberships as m', 'm.user_id', 'f.user_id')
		.select(['r.domain', 'r.answers', 'f.user_id', 'f.released'])
		.where('m.practice_id', '=', practiceId)
		.where('m.role', '=', 'client')
		.where('r.status', '=', 'sent')
		.where('f.closed_at', 'is not', null)
		.where('f.released', 'is not', null)
		.orderBy('r.id')
		.execute();
	return rows.map((row) => ({
		domain: row.domain as DomainCode,
		answers: JSON.parse(row.answers) as Answers,
		clientId: row.user_id,
		release: JSON.parse(row.released!) as Release
	}));
}
