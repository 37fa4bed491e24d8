import { DAY_MS, type Schedule } from './schedule.ts';

/** Practice settings: how late, or how quiet, before a client counts as at risk or off track. */
export interface ProgressThresholds {
	atRiskDays: number;
	offTrackDays: number;
	inactiveDays: number;
}

export const DEFAULT_THRESHOLDS: ProgressThresholds = {
	atRiskDays: 3,
	offTrackDays: 10,
	inactiveDays: 21
};

export type Progress = 'on-track' | 'at-risk' | 'off-track' | 'paused' | 'finished' | 'ended';

export const PROGRESS_NAMES: Record<Progress, string> = {
	'on-track': 'On track',
	'at-risk': 'At risk',
	'off-track': 'Off track',
	paused: 'Paused',
	finished: 'Finished',
	ended: 'Ended'
};

/** A clear message for thresholds that cannot work together, or null. */
export function thresholdsProblem(t: ProgressThresholds): string | null {
	const all = [t.atRiskDays, t.offTrackDays, t.inactiveDays];
	if (all.some((n) => !Number.isInteger(n) || n < 1 || n > 365))
		return 'Each number of days is a whole number from 1 to 365.';
	if (t.offTrackDays <= t.atRiskDays)
		return 'Off track must come later than at risk: give it more days.';
	return null;
}

/**
 * Whether someone is keeping up. Overdue by `atRiskDays` is at risk; overdue by `offTrackDays`,
 * or nothing done for `inactiveDays`, is off track. A paused or ended enrolment is neither.
 */
export function progressOf(input: {
	status: 'active' | 'paused' | 'ended';
	schedule: Schedule;
	lastActivityAt: Date;
	now: Date;
	thresholds: ProgressThresholds;
}): Progress {
	if (input.status !== 'active') return input.status;
	if (input.schedule.finished) return 'finished';
	const overdue = input.schedule.current?.overdueDays ?? 0;
	// Quiet time counts only while there is something to do, from when it became possible.
	const current = input.schedule.current;
	const opened = current?.open && 'at' in current.arrival ? current.arrival.at : null;
	const since = opened && opened > input.lastActivityAt ? opened : input.lastActivityAt;
	const quietDays = current?.open
		? Math.floor((input.now.getTime() - since.getTime()) / DAY_MS)
		: 0;
	if (overdue >= input.thresholds.offTrackDays || quietDays >= input.thresholds.inactiveDays)
		return 'off-track';
	if (overdue >= input.thresholds.atRiskDays) return 'at-risk';
	return 'on-track';
}
