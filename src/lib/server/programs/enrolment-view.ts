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

/**
 * Published versions, read and checked once each: a version's text never changes, so the same
 * text always reads to the same program (a draft, which does change, is never read through
 * here). Frozen, so that no caller can change what the next reader gets. At most 200 are kept.
 */
const versions = new Map<string, ProgramDocument>();
const KEPT_VERSIONS = 200;

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) deepFreeze(inner);
	}
	return value;
}

/** The program an enrolment follows: its version, or the built-in program. */
export function documentFor(found: EnrolledClient): ProgramDocument {
	if (!found.document) return BUILT_IN_PROGRAM;
	let document = versions.get(found.document);
	if (!document) {
		document = deepFreeze(documentOf(found.document));
		if (versions.size >= KEPT_VERSIONS) versions.delete(versions.keys().next().value!);
		versions.set(found.document, document);
	}
	return document;
}

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
