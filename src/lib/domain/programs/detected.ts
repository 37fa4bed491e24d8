import { scheduleOf, type EnrolmentClock } from './schedule.ts';
import type { ProgramDocument } from './schema.ts';

/** Something a person did elsewhere in Midpoint that a program step may be waiting for. */
export type StepEvent =
	{ kind: 'assessment' } | { kind: 'feedback-round' } | { kind: 'team-check-in'; teamId: string };

/**
 * The step an event completes, if any: the person's current step, already open when the event
 * happened (`clock.now` is the event's moment), of the event's kind (and, for a team check-in,
 * naming that team). One event completes one step at most, so two assessment steps in a row
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
		return current.step.team === event.teamId ? current.step.id : null;
	return current.step.id;
}
