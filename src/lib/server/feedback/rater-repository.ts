import type { Db } from '../db/create-db.ts';
import type { RaterRow, RoundRow } from './repository.ts';

// A rater's side of a round: their links, their form as they fill it, and who is still waiting.
// The round's own rows are repository.ts.

export interface RaterRequest {
	rater: RaterRow;
	round: RoundRow;
	clientName: string;
}

export async function findRaterByTokenHash(
	db: Db,
	tokenHash: string
): Promise<RaterRequest | undefined> {
	// The latest link, or one emailed before a reminder (which works just the same).
	const rater =
		(await db
			.selectFrom('feedback_raters')
			.selectAll()
			.where('token_hash', '=', tokenHash)
			.executeTakeFirst()) ??
		(await db
			.selectFrom('feedback_rater_links as l')
			.innerJoin('feedback_raters as r', 'r.id', 'l.rater_id')
			.selectAll('r')
			.where('l.token_hash', '=', tokenHash)
			.executeTakeFirst());
	if (!rater) return undefined;
	const round = await db
		.selectFrom('feedback_rounds as f')
		.innerJoin('users as u', 'u.id', 'f.user_id')
		.selectAll('f')
		.select('u.name as client_name')
		.where('f.id', '=', rater.round_id)
		.executeTakeFirstOrThrow();
	const { client_name, ...roundRow } = round;
	return { rater, round: roundRow, clientName: client_name };
}

/** Saves answers while the form is still open; false once it was sent or declined. */
export async function saveRaterAnswers(
	db: Db,
	raterId: string,
	update: { answers: string; nextPage: number; comment?: string | null; send?: boolean }
): Promise<boolean> {
	const result = await db
		.updateTable('feedback_raters')
		.set({
			answers: update.answers,
			next_page: update.nextPage,
			...(update.comment !== undefined ? { comment: update.comment } : {}),
			...(update.send ? { status: 'sent' as const } : {})
		})
		.where('id', '=', raterId)
		.where('status', '=', 'invited')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function declineRater(
	db: Db,
	raterId: string,
	reason: string | null
): Promise<boolean> {
	const result = await db
		.updateTable('feedback_raters')
		.set({ status: 'declined', decline_reason: reason, answers: '{}' })
		.where('id', '=', raterId)
		.where('status', '=', 'invited')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export interface WaitingRater {
	rater: Pick<RaterRow, 'id' | 'name' | 'email' | 'domain'>;
	roundId: string;
	userId: string;
	clientName: string;
	closesAt: string;
}

/**
 * People who have not answered yet, in open rounds: of one round, or of every round whose
 * closing instant falls in (now, until] and that was opened before `openedBefore`.
 */
export async function listWaitingRaters(
	db: Db,
	where: { roundId: string } | { now: string; until: string; openedBefore: string }
): Promise<WaitingRater[]> {
	let query = db
		.selectFrom('feedback_raters as r')
		.innerJoin('feedback_rounds as f', 'f.id', 'r.round_id')
		.innerJoin('users as u', 'u.id', 'f.user_id')
		.select(['r.id', 'r.name', 'r.email', 'r.domain', 'f.id as round_id', 'f.user_id'])
		.select(['u.name as client_name', 'f.closes_at'])
		.where('r.status', '=', 'invited')
		.where('f.closed_at', 'is', null);
	query =
		'roundId' in where
			? query.where('f.id', '=', where.roundId)
			: query
					.where('f.closes_at', '>', where.now)
					.where('f.closes_at', '<=', where.until)
					.where('f.opened_at', '<', where.openedBefore);
	const rows = await query.orderBy('r.id').execute();
	return rows.map((row) => ({
		rater: { id: row.id, name: row.name, email: row.email, domain: row.domain },
		roundId: row.round_id,
		userId: row.user_id,
		clientName: row.client_name,
		closesAt: row.closes_at
	}));
}

/**
 * A new link for a rater who has not answered, for a reminder; the links emailed before keep
 * working (only hashes are kept, so an earlier link cannot be emailed again).
 */
export async function addRaterLink(db: Db, raterId: string, tokenHash: string): Promise<boolean> {
	const rater = await db
		.selectFrom('feedback_raters')
		.select('token_hash')
		.where('id', '=', raterId)
		.where('status', '=', 'invited')
		.executeTakeFirst();
	if (!rater) return false;
	await db
		.insertInto('feedback_rater_links')
		.values({ token_hash: rater.token_hash, rater_id: raterId })
		.execute();
	await db
		.updateTable('feedback_raters')
		.set({ token_hash: tokenHash })
		.where('id', '=', raterId)
		.execute();
	return true;
}
