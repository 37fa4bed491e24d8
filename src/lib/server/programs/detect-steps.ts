import { stepDoneBy, type StepEvent } from '../../domain/programs/detected.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/create-db.ts';
import { clockOf, documentFor } from './enrolment-view.ts';
import {
	insertEnrolmentStep,
	listEnrolmentSteps,
	listOpenEnrolments,
	updateEnrolment
} from './repository.ts';

export type { StepEvent };

/**
 * Marks the person's current program step done when what they just did is what it asks for
 * (decision 0038): called by the use-case where it happens (an assessment finished, a feedback
 * round opened, a team check-in finished), never by a page view. A paused or ended enrolment
 * does not move. Returns the step done, or null. `db` may be the caller's transaction.
 */
export async function advanceProgramIn(
	db: Db,
	input: { userId: string; event: StepEvent; at: Date }
): Promise<string | null> {
	const [found] = await listOpenEnrolments(db, [input.userId]);
	if (!found || found.enrolment.status !== 'active') return null;
	const steps = await listEnrolmentSteps(db, [found.enrolment.id]);
	const stepId = stepDoneBy(documentFor(found), clockOf(found, steps, input.at), input.event);
	if (!stepId) return null;
	const at = input.at.toISOString();
	const row = { enrolment_id: found.enrolment.id, step_id: stepId, completed_at: at };
	if (!(await insertEnrolmentStep(db, { ...row, how: 'done', answer: null }))) return null;
	await updateEnrolment(db, found.enrolment.id, { last_activity_at: at });
	return stepId;
}

/** The same, in a transaction of its own, for a use-case that has finished its own writes. */
export async function advanceProgram(
	ctx: Pick<AppContext, 'db'>,
	input: { userId: string; event: StepEvent; at: Date }
): Promise<string | null> {
	return ctx.db.transaction().execute((trx) => advanceProgramIn(trx, input));
}
