import type { Db } from '../db/create-db.ts';

/**
 * The few rows the home page reads, shared by the "what comes next" card and the charts so
 * nothing is read twice. Only the columns needed; no journal text.
 */

/** Actions that can show on the home page: every open one, and those closed since `since`. */
export async function listHomeActions(db: Db, userId: string, since: string) {
	return db
		.selectFrom('actions')
		.select([
			'id',
			'kind',
			'discipline',
			'due_on',
			'weekday',
			'starts_on',
			'paused_until',
			'created_at',
			'closed_at'
		])
		.where('user_id', '=', userId)
		.where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>=', since)]))
		.execute();
}

export type HomeActionRow = Awaited<ReturnType<typeof listHomeActions>>[number];

/** Journal tags written since `since`: the text stays encrypted and unread. */
export async function listJournalTags(db: Db, userId: string, since: string) {
	return db
		.selectFrom('journal_entries')
		.select(['disciplines', 'created_at'])
		.where('user_id', '=', userId)
		.where('created_at', '>=', since)
		.execute();
}

export type JournalTagRow = Awaited<ReturnType<typeof listJournalTags>>[number];

/**
 * The assessment in progress and the latest result, in one query: the unfinished ones and the
 * latest finished one, so a long trail's results are neither read nor sent.
 */
export async function listHomeAssessments(db: Db, userId: string) {
	return db
		.selectFrom('assessments')
		.select(['id', 'next_page', 'completed_at', 'result'])
		.where('user_id', '=', userId)
		.where((eb) =>
			eb.or([
				eb('completed_at', 'is', null),
				eb(
					'id',
					'=',
					eb
						.selectFrom('assessments as latest')
						.select('latest.id')
						.where('latest.user_id', '=', userId)
						.where('latest.completed_at', 'is not', null)
						.orderBy('latest.completed_at', 'desc')
						.limit(1)
				)
			])
		)
		.execute();
}
