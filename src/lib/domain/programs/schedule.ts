import type { ProgramDocument, ProgramStep } from './schema.ts';
import { waitsFor } from './validate.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface EnrolmentClock {
	/** When the enrolment starts (midnight UTC of its start date). */
	startAt: Date;
	/** Step id → when it was done or moved past. */
	completions: ReadonlyMap<string, Date>;
	/** The last resume after a pause: a step's due date is counted from no earlier than this. */
	resumedAt?: Date | null;
	now: Date;
}

/** When a step comes: a known moment, or a number of days after a step not done yet. */
export type Arrival = { at: Date } | { afterStep: number; days: number };

export interface Placed {
	index: number;
	step: ProgramStep;
	arrival: Arrival;
}

export interface Schedule {
	/** Every step done: nothing current, nothing next. */
	finished: boolean;
	current: (Placed & { open: boolean; dueAt: Date | null; overdueDays: number }) | null;
	next: Placed | null;
	done: number;
}

const addDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

/** When step `index` opens, given what is done so far. */
export function arrivalOf(
	program: ProgramDocument,
	index: number,
	clock: Pick<EnrolmentClock, 'startAt' | 'completions'>
): Arrival {
	const delivery = program.steps[index]!.delivery;
	if (delivery.rule === 'right-away') return { at: clock.startAt };
	if (delivery.rule === 'days-after-start') return { at: addDays(clock.startAt, delivery.days) };
	const target = waitsFor(program.steps, index)!;
	const days = delivery.rule === 'days-after-previous' ? delivery.days : 0;
	const doneAt = clock.completions.get(program.steps[target]!.id);
	return doneAt ? { at: addDays(doneAt, days) } : { afterStep: target, days };
}

/**
 * Where an enrolment stands: the first step not done is current (steps are walked in order),
 * open once its moment has come; the step after it is next, with when it would come.
 */
export function scheduleOf(program: ProgramDocument, clock: EnrolmentClock): Schedule {
	const index = program.steps.findIndex((s) => !clock.completions.has(s.id));
	const done = program.steps.filter((s) => clock.completions.has(s.id)).length;
	if (index < 0) return { finished: true, current: null, next: null, done };
	const step = program.steps[index]!;
	const arrival = arrivalOf(program, index, clock);
	const open = 'at' in arrival && arrival.at.getTime() <= clock.now.getTime();
	let dueAt: Date | null = null;
	let overdueDays = 0;
	if ('at' in arrival) {
		const counted = clock.resumedAt && clock.resumedAt > arrival.at ? clock.resumedAt : arrival.at;
		dueAt = addDays(counted, step.dueDays);
		overdueDays = Math.max(0, Math.floor((clock.now.getTime() - dueAt.getTime()) / DAY_MS));
	}
	const next =
		index + 1 < program.steps.length
			? {
					index: index + 1,
					step: program.steps[index + 1]!,
					arrival: arrivalOf(program, index + 1, clock)
				}
			: null;
	return {
		finished: false,
		current: { index, step, arrival, open, dueAt, overdueDays },
		next,
		done
	};
}
