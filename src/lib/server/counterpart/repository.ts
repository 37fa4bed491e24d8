import type { Selectable } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { CounterpartConfirmationsTable } from '../db/types.ts';

export type ConfirmationRow = Selectable<CounterpartConfirmationsTable>;
type Happened = ConfirmationRow['happened'];

export async function insertConfirmation(db: Db, row: ConfirmationRow): Promise<void> {
	await db.insertInto('counterpart_confirmations').values(row).execute();
}

/** The action's link that is still waiting for an answer at `now`, if any. */
/** A link found by its token's hash, with what the other person is asked about. */
export interface ConfirmationRequest {
	id: string;
	actionId: string;
	/** The action's owner, whose key opens its wording and seals the answer's comment. */
	ownerId: string;
	expiresAt: string;
	answeredAt: string | null;
	what: string;
	withName: string;
	/** The client's full name. */
	clientName: string;
}

export async function findConfirmationByTokenHash(
	db: Db,
	tokenHash: string
): Promise<ConfirmationRequest | undefined> {
	const row = await db
		.selectFrom('counterpart_confirmations as c')
		.innerJoin('actions as a', 'a.id', 'c.action_id')
		.innerJoin('users as u', 'u.id', 'a.user_id')
		.select([
			'c.id',
			'c.expires_at',
			'c.answered_at',
			'a.id as action_id',
			'a.user_id',
			'a.what',
			'a.with_name',
			'u.name'
		])
		.where('c.token_hash', '=', tokenHash)
		.executeTakeFirst();
	return (
		row && {
			id: row.id,
			actionId: row.action_id,
			ownerId: row.user_id,
			expiresAt: row.expires_at,
			answeredAt: row.answered_at,
			what: row.what,
			withName: row.with_name,
			clientName: row.name
		}
	);
}

/** Saves the answer unless the link was already used; false when it was. */
export async function recordAnswer(
	db: Db,
	id: string,
	answer: { happened: Happened; mutuality: number; comment: string | null; at: string }
): Promise<boolean> {
	const result = await db
		.updateTable('counterpart_confirmations')
		.set({
			answered_at: answer.at,
			happened: answer.happened,
			mutuality: answer.mutuality,
			comment: answer.comment
		})
		.where('id', '=', id)
		.where('answered_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export interface ConfirmationView {
	id: string;
	sentTo: string;
	createdAt: string;
	expiresAt: string;
	answeredAt: string | null;
	happened: Happened;
	mutuality: number | null;
	comment: string | null;
}

/** Every link sent for the action, newest first, with what came back. */
export async function listConfirmationsOf(db: Db, actionId: string): Promise<ConfirmationView[]> {
	const rows = await db
		.selectFrom('counterpart_confirmations')
		.select([
			'id',
			'sent_to',
			'created_at',
			'expires_at',
			'answered_at',
			'happened',
			'mutuality',
			'comment'
		])
		.where('action_id', '=', actionId)
		.orderBy('created_at', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		sentTo: r.sent_to,
		createdAt: r.created_at,
		expiresAt: r.expires_at,
		answeredAt: r.answered_at,
		happened: r.happened,
		mutuality: r.mutuality,
		comment: r.comment
	}));
}

export interface CounterpartAnswer {
	id: string;
	actionId: string;
	answeredAt: string;
	happened: Happened;
	mutuality: number | null;
	comment: string | null;
}

/** The answers given on the actions' links, newest first; unanswered links are left out. */
export async function listAnswersTo(
	db: Db,
	actionIds: readonly string[]
): Promise<CounterpartAnswer[]> {
	if (actionIds.length === 0) return [];
	const rows = await db
		.selectFrom('counterpart_confirmations')
		.select(['id', 'action_id', 'answered_at', 'happened', 'mutuality', 'comment'])
		.where('action_id', 'in', actionIds)
		.where('answered_at', 'is not', null)
		.orderBy('answered_at', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		actionId: r.action_id,
		answeredAt: r.answered_at!,
		happened: r.happened,
		mutuality: r.mutuality,
		comment: r.comment
	}));
}
