import { DomainError } from '../../domain/errors.ts';
import { can, type Action, type Actor, type Resource } from '../../domain/policies.ts';
import type { Db } from '../db/create-db.ts';
import { findAssessment, type AssessmentRow } from './repository.ts';

/** The person an assessment belongs to, with the practice and coach they work with. */
export async function clientResource(db: Db, userId: string): Promise<Resource> {
	const membership = await db
		.selectFrom('memberships')
		.select(['practice_id', 'coach_id'])
		.where('user_id', '=', userId)
		.where('role', '=', 'client')
		.executeTakeFirst();
	return {
		ownerId: userId,
		practiceId: membership?.practice_id ?? null,
		coachId: membership?.coach_id ?? null
	};
}

/** Loads an assessment the actor may act on; anything else is "not found", so ids leak nothing. */
export async function assessmentFor(
	db: Db,
	actor: Actor,
	id: string,
	action: Action
): Promise<AssessmentRow> {
	const row = await findAssessment(db, id);
	if (!row || !can(actor, action, await clientResource(db, row.user_id))) {
		throw new DomainError('not_found', 'There is no such assessment, or it is not yours to see.');
	}
	return row;
}
