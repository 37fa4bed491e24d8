import { PROGRESS_NAMES, type Progress } from '../../domain/programs/progress.ts';
import type { Db } from '../db/create-db.ts';
import { findClientPlacement } from '../practices/repository.ts';
import { stateOf, type EnrolmentState } from './enrolment-view.ts';
import { listEnrolmentSteps, listOpenEnrolments, updateEnrolment } from './repository.ts';
import { thresholdsOf } from './thresholds.ts';

export interface ProgramProgress {
	title: string;
	/** The step the client is on (1-based), or null once every step is done. */
	stepNumber: number | null;
	stepTitle: string | null;
	total: number;
	progress: Progress;
	progressName: string;
}

/** Where each of these clients stands in their program, read in two queries. */
async function statesOf(db: Db, clientIds: readonly string[], now: Date, practiceId?: string) {
	const found = await listOpenEnrolments(db, clientIds);
	const steps = await listEnrolmentSteps(
		db,
		found.map((f) => f.enrolment.id)
	);
	const byPractice = new Map<string, Awaited<ReturnType<typeof thresholdsOf>>>();
	const states: EnrolmentState[] = [];
	for (const f of found) {
		const placed =
			practiceId ?? (await findClientPlacement(db, f.enrolment.user_id))?.practiceId ?? '';
		if (!byPractice.has(placed)) byPractice.set(placed, await thresholdsOf(db, placed || null));
		states.push(stateOf(f, steps, now, byPractice.get(placed)!));
	}
	return states;
}

/**
 * The program column of the roster, for the clients on the page. The caller has already checked
 * the reader may see these clients (the roster's own policy).
 */
export async function listProgramProgress(
	db: Db,
	input: { practiceId: string; clientIds: readonly string[]; now: Date }
): Promise<Map<string, ProgramProgress>> {
	const out = new Map<string, ProgramProgress>();
	for (const s of await statesOf(db, input.clientIds, input.now, input.practiceId))
		out.set(s.enrolment.user_id, {
			title: s.programTitle,
			stepNumber: s.schedule.current ? s.schedule.current.index + 1 : null,
			stepTitle: s.schedule.current?.step.title ?? null,
			total: s.document.steps.length,
			progress: s.progress,
			progressName: PROGRESS_NAMES[s.progress]
		});
	return out;
}

/**
 * Clients whose progress changed since it was last reported, with the new state; each change is
 * recorded so the next digest does not tell it again. The first look at an enrolment reports
 * only a state that needs attention (at risk or off track).
 */
export async function takeProgressChanges(
	db: Db,
	clientIds: readonly string[],
	now: Date
): Promise<Map<string, { progress: Progress; name: string; title: string }>> {
	const changed = new Map<string, { progress: Progress; name: string; title: string }>();
	for (const s of await statesOf(db, clientIds, now)) {
		const before = s.enrolment.reported_progress;
		if (before === s.progress) continue;
		await updateEnrolment(db, s.enrolment.id, { reported_progress: s.progress });
		const worrying = s.progress === 'at-risk' || s.progress === 'off-track';
		if (before !== null || worrying)
			changed.set(s.enrolment.user_id, {
				progress: s.progress,
				name: PROGRESS_NAMES[s.progress],
				title: s.programTitle
			});
	}
	return changed;
}
