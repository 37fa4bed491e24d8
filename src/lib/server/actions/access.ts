import { DomainError } from '../../domain/errors.ts';
import { can, type Action, type Actor } from '../../domain/policies.ts';
import type { Db } from '../db/create-db.ts';
import { findActionWithOwner, type ActionRow } from './repository.ts';

const NOT_FOUND = 'There is no such action, or it is not yours to see.';

/**
 * Loads an action the actor may act on. Anything else, whether it exists or not, is "not
 * found", so ids from other people reveal nothing.
 */
export async function actionFor(
	db: Db,
	actor: Actor,
	id: string,
	action: Action
): Promise<ActionRow> {
	const found = await findActionWithOwner(db, id);
	if (found) {
		const resource = {
			ownerId: found.row.user_id,
			practiceId: found.ownerPracticeId,
			coachId: found.ownerCoachId
		};
		if (can(actor, action, resource)) return found.row;
	}
	throw new DomainError('not_found', NOT_FOUND);
}

/** Changes to a closed action are refused with a message that says what is still possible. */
export function requireOpen(row: ActionRow): void {
	if (row.closed_at)
		throw new DomainError(
			'conflict',
			'This action is closed, so it takes no more changes. You can still read its history or delete it.'
		);
}
