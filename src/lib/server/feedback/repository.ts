import type { Selectable } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { FeedbackRatersTable, FeedbackRoundsTable } from '../db/types.ts';

export type RoundRow = Selectable<FeedbackRoundsTable>;
export type RaterRow = Selectable<FeedbackRatersTable>;

export async function insertRound(db: Db, round: RoundRow, raters: RaterRow[]): Promise<void> {
	await db.transaction().execute(async (tx) => {
		await tx.insertInto('feedback_rounds').values(round).execute();
		await tx.insertInto('feedback_raters').values(raters).execute();
	});
}

export async function findRound(db: Db, id: string): Promise<RoundRow | undefined> {
	return db.selectFrom('feedback_rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The client's rounds, newest first. */
export async function listRoundsOf(db: Db, userId: string): Promise<RoundRow[]> {
	return db
		.selectFrom('feedback_rounds')
		.selectAll()
		.where('user_id', '=', userId)
		.orderBy('opened_at', 'desc')
		.execute();
}

export async function countRoundsSince(db: Db, userId: string, since: string): Promise<number> {
	const row = await db
		.selectFrom('feedback_rounds')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('user_id', '=', userId)
		.where('opened_at', '>', since)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Requests sent by one client in rounds opened since `since`. */
export async function countRequestsFromSince(
	db: Db,
	userId: string,
	since: string
): Promise<number> {
	const row = await db
		.selectFrom('feedback_raters as r')
		.innerJoin('feedback_rounds as f', 'f.id', 'r.round_id')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('f.user_id', '=', userId)
		.where('f.opened_at', '>', since)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Of these addresses, those that were sent a request by anyone since `since`, with counts. */
export async function countRequestsToSince(
	db: Db,
	emails: readonly string[],
	since: string
): Promise<Map<string, number>> {
	if (emails.length === 0) return new Map();
	const rows = await db
		.selectFrom('feedback_raters as r')
		.innerJoin('feedback_rounds as f', 'f.id', 'r.round_id')
		.select(['r.email', (eb) => eb.fn.countAll<number>().as('n')])
		.where('r.email', 'in', emails)
		.where('f.opened_at', '>', since)
		.groupBy('r.email')
		.execute();
	return new Map(rows.map((r) => [r.email, Number(r.n)]));
}

export async function findOptedOut(db: Db, hashes: readonly string[]): Promise<Set<string>> {
	if (hashes.length === 0) return new Set();
	const rows = await db
		.selectFrom('feedback_opt_outs')
		.select('email_hash')
		.where('email_hash', 'in', hashes)
		.execute();
	return new Set(rows.map((r) => r.email_hash));
}

export async function insertOptOut(db: Db, emailHash: string, at: string): Promise<void> {
	await db
		.insertInto('feedback_opt_outs')
		.values({ email_hash: emailHash, created_at: at })
		.onConflict((oc) => oc.column('email_hash').doNothing())
		.execute();
}

/** How many people were asked per domain: what the client already knows, nothing more. */
export async function countRatersByDomain(
	db: Db,
	roundId: string
): Promise<Record<string, number>> {
	const rows = await db
		.selectFrom('feedback_raters')
		.select(['domain', (eb) => eb.fn.countAll<number>().as('n')])
		.where('round_id', '=', roundId)
		.groupBy('domain')
		.execute();
	return Object.fromEntries(rows.map((r) => [r.domain, Number(r.n)]));
}

/** The forms sent in a round: domain, answers and comment only, in no meaningful order. */
export async function listSentForms(
	db: Db,
	roundId: string
): Promise<{ domain: RaterRow['domain']; answers: string; comment: string | null }[]> {
	return db
		.selectFrom('feedback_raters')
		.select(['domain', 'answers', 'comment'])
		.where('round_id', '=', roundId)
		.where('status', '=', 'sent')
		.orderBy('id')
		.execute();
}

/** Closes a round and stores its release, once; false when it was already closed. */
export async function closeRound(
	db: Db,
	id: string,
	closedAt: string,
	released: string
): Promise<boolean> {
	const result = await db
		.updateTable('feedback_rounds')
		.set({ closed_at: closedAt, released })
		.where('id', '=', id)
		.where('closed_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Open rounds whose closing time has passed: what the jobs scan closes. */
export async function listDueRounds(db: Db, now: string): Promise<RoundRow[]> {
	return db
		.selectFrom('feedback_rounds')
		.selectAll()
		.where('closed_at', 'is', null)
		.where('closes_at', '<=', now)
		.orderBy('closes_at')
		.execute();
}

export async function setClosesAt(db: Db, id: string, closesAt: string): Promise<boolean> {
	const result = await db
		.updateTable('feedback_rounds')
		.set({ closes_at: closesAt })
		.where('id', '=', id)
		.where('closed_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function setShared(db: Db, id: string, sharedAt: string | null): Promise<void> {
	await db
		.updateTable('feedback_rounds')
		.set({ shared_at: sharedAt })
		.where('id', '=', id)
		.execute();
}

/** A client's rounds shared with their coach, newest first. */
export async function listSharedRoundsOf(db: Db, userId: string): Promise<RoundRow[]> {
	return db
		.selectFrom('feedback_rounds')
		.selectAll()
		.where('user_id', '=', userId)
		.where('shared_at', 'is not', null)
		.orderBy('opened_at', 'desc')
		.execute();
}
