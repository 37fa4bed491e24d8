import {
	stepDoneBy,
	stepsDoneMeanwhile,
	type DatedStepEvent,
	type StepEvent
} from '../../domain/programs/detected.ts';
import { listCompletedAssessments } from '../assessments/repository.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/create-db.ts';
import { listRoundsOf } from '../feedback/repository.ts';
import { listCheckInsOf } from '../team-check-ins/repository.ts';
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

/**
 * What the person did after `since` that a step may be waiting for, with when. Read from their
 * whole lists (a person has few results, rounds and check-ins) on a resume, which is rare.
 */
async function eventsSince(db: Db, userId: string, since: string): Promise<DatedStepEvent[]> {
	const [assessed, asked, checkedIn] = await Promise.all([
		listCompletedAssessments(db, userId),
		listRoundsOf(db, userId),
		listCheckInsOf(db, userId)
	]);
	const events: DatedStepEvent[] = [
		...assessed.map((a) => ({ kind: 'assessment' as const, at: a.completed_at! })),
		...asked.map((r) => ({ kind: 'feedback-round' as const, at: r.opened_at })),
		...checkedIn
			.filter((c) => c.completed_at)
			.map((c) => ({ kind: 'team-check-in' as const, teamId: c.team_id, at: c.completed_at! }))
	].map((event) => ({ ...event, at: new Date(event.at) }));
	return events.filter((event) => event.at > new Date(since));
}

/**
 * A coach resumes a paused enrolment: the steps the client did meanwhile (an assessment finished,
 * a round opened, a check-in finished while paused) are marked done at the moment they were done,
 * as the running program would have. Called in the resume's transaction; returns the steps done.
 */
export async function catchUpProgramIn(
	db: Db,
	input: { userId: string; pausedAt: string; at: Date }
): Promise<string[]> {
	const [found] = await listOpenEnrolments(db, [input.userId]);
	if (!found) return [];
	const steps = await listEnrolmentSteps(db, [found.enrolment.id]);
	const events = await eventsSince(db, input.userId, input.pausedAt);
	const done = stepsDoneMeanwhile(documentFor(found), clockOf(found, steps, input.at), events);
	for (const { stepId, at } of done)
		await insertEnrolmentStep(db, {
			enrolment_id: found.enrolment.id,
			step_id: stepId,
			completed_at: at.toISOString(),
			how: 'done',
			answer: null
		});
	return done.map((d) => d.stepId);
}
