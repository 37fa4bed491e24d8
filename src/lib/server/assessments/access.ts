import { DomainError } from '../../domain/errors.ts';
import { can, type Action, type Actor, type Resource } from '../../domain/policies.ts';
import type { Db } from '../db/create-db.ts';
import type { AssessmentRow } from './repository.ts';

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
	const found = await db
		.selectFrom('assessments as a')
		.leftJoin('memberships as m', (join) =>
			join.onRef('m.user_id', '=', 'a.user_id').on('m.role', '=', 'client')
		)
		.selectAll('a')
		.select(['m.practice_id as owner_practice_id', 'm.coach_id as owner_coach_id'])
		.where('a.id', '=', id)
		.executeTakeFirst();
	if (found) {
		const { owner_practice_id, owner_coach_id, ...row } = found;
		const resource = {
			ownerId: row.user_id,
			practiceId: owner_practice_id,
			coachId: owner_coach_id
		};
		if (can(actor, action, resource)) return row;
	}
	throw new DomainError('not_found', 'There is no such assessment, or it is not yours to see.');
}
