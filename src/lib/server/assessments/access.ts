import { DomainError } from '../../domain/errors.ts';
import { can, type Action, type Actor, type Resource } from '../../domain/policies.ts';
import type { Db } from '../db/create-db.ts';
import { findClientPlacement } from '../practices/repository.ts';
import { findAssessmentWithOwner, type AssessmentRow } from './repository.ts';

/** The person an assessment belongs to, with the practice and coach they work with. */
export async function clientResource(db: Db, userId: string): Promise<Resource> {
	const placement = await findClientPlacement(db, userId);
	return {
		ownerId: userId,
		practiceId: placement?.practiceId ?? null,
		coachId: placement?.coachId ?? null
	};
}

/**
 * Loads an assessment the actor may act on; anything else is "not found", so ids leak nothing.
 * One query: the row together with its owner's practice and coach.
 */
export async function assessmentFor(
	db: Db,
	actor: Actor,
	id: string,
	action: Action
): Promise<AssessmentRow> {
	const found = await findAssessmentWithOwner(db, id);
	if (found) {
		const resource = {
			ownerId: found.row.user_id,
			practiceId: found.ownerPracticeId,
			coachId: found.ownerCoachId
		};
		if (can(actor, action, resource)) return found.row;
	}
	throw new DomainError('not_found', 'There is no such assessment, or it is not yours to see.');
}
