import { BUILT_IN_PROGRAM } from '../../content/programs/builtin.ts';
import {
	progressOf,
	type Progress,
	type ProgressThresholds
} from '../../domain/programs/progress.ts';
import type { ProgramDocument } from '../../domain/programs/schema.ts';
import { scheduleOf, type EnrolmentClock, type Schedule } from '../../domain/programs/schedule.ts';
import { documentOf } from './access.ts';
import type { EnrolledClient, EnrolmentRow, EnrolmentStepRow } from './repository.ts';

export interface EnrolmentState {
	enrolment: EnrolmentRow;
	programTitle: string;
	/** Null for the built-in program, which has no versions. */
	versionNumber: number | null;
	programId: string | null;
	document: ProgramDocument;
	schedule: Schedule;
	progress: Progress;
}

/** The program an enrolment follows: its version, or the built-in program. */
export const documentFor = (found: EnrolledClient): ProgramDocument =>
	found.document ? documentOf(found.document) : BUILT_IN_PROGRAM;

/** An enrolment's clock at `now`: its start, the steps done and when, its last resume. */
export function clockOf(
	found: EnrolledClient,
	steps: readonly EnrolmentStepRow[],
	now: Date
): EnrolmentClock {
	const { enrolment } = found;
	const completions = new Map(
		steps
			.filter((s) => s.enrolment_id === enrolment.id)
			.map((s) => [s.step_id, new Date(s.completed_at)])
	);
	return {
		startAt: new Date(enrolment.start_at),
		completions,
		resumedAt: enrolment.resumed_at ? new Date(enrolment.resumed_at) : null,
		now
	};
}

/** Where one enrolment stands today: its schedule from the steps done, and its progress. */
export function stateOf(
	found: EnrolledClient,
	steps: readonly EnrolmentStepRow[],
	now: Date,
	thresholds: ProgressThresholds
): EnrolmentState {
	const { enrolment } = found;
	const document = documentFor(found);
	// While paused, the clock stops where the pause began.
	const at =
		enrolment.status === 'paused' && enrolment.paused_at ? new Date(enrolment.paused_at) : now;
	const schedule = scheduleOf(document, clockOf(found, steps, at));
	const progress = progressOf({
		status: enrolment.status,
		schedule,
		lastActivityAt: new Date(enrolment.last_activity_at),
		now,
		thresholds
	});
	return {
		enrolment,
		programTitle: found.document ? found.programTitle : BUILT_IN_PROGRAM.title,
		versionNumber: found.versionNumber,
		programId: found.programId,
		document,
		schedule,
		progress
	};
}
