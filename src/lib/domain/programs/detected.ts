import { scheduleOf, type EnrolmentClock } from './schedule.ts';
import { ANY_TEAM } from './any-team.ts';
import type { ProgramDocument } from './schema.ts';

/** Something a person did elsewhere in Midpoint that a program step may be waiting for. */
export type StepEvent =
	{ kind: 'assessment' } | { kind: 'feedback-round' } | { kind: 'team-check-in'; teamId: string };

/**
 * The step an event completes, if any: the person's current step, already open when the event
 * happened (`clock.now` is the event's moment), of the event's kind (and, for a team check-in,
 * naming that team or any team). One event completes one step at most, so two assessment steps in a row
 * need two assessments; an event before the step opened counts for nothing.
 */
export function stepDoneBy(
	program: ProgramDocument,
	clock: EnrolmentClock,
	event: StepEvent
): string | null {
	const current = scheduleOf(program, clock).current;
	if (!current?.open || current.step.kind !== event.kind) return null;
	if (current.step.kind === 'team-check-in' && event.kind === 'team-check-in')
		return current.step.team === ANY_TEAM || current.step.team === event.teamId
			? current.step.id
			: null;
	return current.step.id;
}

/** A detectable event that happened at a known moment (for catching up after a pause). */
export type DatedStepEvent = StepEvent & { at: Date };

/**
 * The steps done while an enrolment was paused, with when (decision 0038): what the person did
 * during the pause is looked at again when the coach resumes, step by step, as if the program had
 * been running. Each event completes one step at most, the earliest event after the step opened;
 * a step waiting for a reading, a check-in question or days still to pass stops the walk.
 */
export function stepsDoneMeanwhile(
	program: ProgramDocument,
	clock: EnrolmentClock,
	events: readonly DatedStepEvent[]
): { stepId: string; at: Date }[] {
	const pool = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
	const completions = new Map(clock.completions);
	const done: { stepId: string; at: Date }[] = [];
	for (;;) {
		const current = scheduleOf(program, { ...clock, completions }).current;
		if (!current?.open) return done;
		// Open at the event's moment, and of its kind: what the live path would have counted.
		const index = pool.findIndex(
			(event) =>
				event.at <= clock.now &&
				stepDoneBy(program, { ...clock, completions, now: event.at }, event) === current.step.id
		);
		if (index < 0) return done;
		const [event] = pool.splice(index, 1);
		completions.set(current.step.id, event!.at);
		done.push({ stepId: current.step.id, at: event!.at });
	}
}
