import { DomainError } from '../../domain/errors.ts';
import { can, type Action, type Actor } from '../../domain/policies.ts';
import { clientResource } from '../assessments/access.ts';
import type { Db } from '../db/create-db.ts';
import { findRound, type RoundRow } from './repository.ts';

const NOT_FOUND = 'There is no such feedback round, or it is not yours to see.';

/** Loads a round the actor may act on; anything else is "not found", so ids leak nothing. */
export async function roundFor(
	db: Db,
	actor: Actor,
	id: string,
	action: Action
): Promise<RoundRow> {
	const round = await findRound(db, id);
	if (round && can(actor, action, await clientResource(db, round.user_id))) return round;
	throw new DomainError('not_found', NOT_FOUND);
}

/** A round to read: the client's own, or one they share with the reader, their coach. */
export async function readableRound(
	db: Db,
	actor: Actor,
	id: string
): Promise<{ round: RoundRow; viewer: 'owner' | 'coach' }> {
	const round = await findRound(db, id);
	if (round) {
		const resource = await clientResource(db, round.user_id);
		if (can(actor, 'feedback.read', resource)) return { round, viewer: 'owner' };
		if (round.shared_at && can(actor, 'feedback.read-shared', resource))
			return { round, viewer: 'coach' };
	}
	throw new DomainError('not_found', NOT_FOUND);
}

/** Checks the actor may act on their own rounds (opening one, listing them). */
export async function requireOwn(db: Db, actor: Actor, action: Action): Promise<void> {
	if (!can(actor, action, await clientResource(db, actor.userId)))
		throw new DomainError('forbidden', 'Only the person the feedback is about can do this.');
}
