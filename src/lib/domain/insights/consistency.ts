import { addDays, daysBetween, todayFor, type IsoDate } from '../actions/dates.ts';
import type { Outcome } from '../actions/kinds.ts';
import { firstOccurrence, type Schedule } from '../actions/schedule.ts';
import { lastWeeks, shortDay, weekIndex, type Week } from './calendar.ts';

/**
 * Consistency over the weeks: for each of the last weeks, did the person report back?
 *
 * - reported: at least one report-back (done, partly or not yet: saying "not yet" is still
 *   reporting back) answers an occurrence that falls in the week;
 * - missed: something fell due in the week (on or before today, before the action was closed)
 *   and was neither reported on nor skipped;
 * - waiting: the same, in the current week, where there is still time;
 * - quiet: nothing was due. Skipped and paused weeks are quiet: taking a rest is part of a rhythm,
 *   not a break in it.
 *
 * Occurrences come from each action's schedule as it stands now. A pause or a new schedule
 * replaces the old one, so weeks missed before it are forgiven rather than remembered.
 */
export type WeekState = 'reported' | 'missed' | 'waiting' | 'quiet';

export interface ScheduledAction {
	id: string;
	schedule: Schedule;
	/** The day the action was closed, if it was. */
	closedOn: IsoDate | null;
}

export interface AnsweredOccurrence {
	actionId: string;
	occurrence: IsoDate;
	/** null for a skip. */
	outcome: Outcome | null;
}

export interface ConsistencyWeek extends Week {
	label: string;
	state: WeekState;
}

export interface Consistency {
	weeks: ConsistencyWeek[];
	reported: number;
	missed: number;
	/** Weeks in a row with a report-back, counting back from the latest week that asked for one. */
	run: number;
	reading: string;
	next: string;
}

export const CONSISTENCY_WEEKS = 12;

export const WEEK_STATE_NAMES: Record<WeekState, string> = {
	reported: 'you reported back',
	missed: 'due, no report-back',
	waiting: 'a report-back is waiting',
	quiet: 'nothing was due'
};

/** Occurrences of a schedule from `from` to `to` (both included), oldest first. */
export function occurrencesBetween(schedule: Schedule, from: IsoDate, to: IsoDate): IsoDate[] {
	const first = firstOccurrence(schedule);
	if (schedule.type === 'date') return first >= from && first <= to ? [first] : [];
	let day = first;
	if (day < from) day = addDays(day, 7 * Math.ceil(daysBetween(day, from) / 7));
	const found: IsoDate[] = [];
	for (; day <= to; day = addDays(day, 7)) found.push(day);
	return found;
}

export function buildConsistency(
	actions: readonly ScheduledAction[],
	answers: readonly AnsweredOccurrence[],
	now: Date,
	weekCount = CONSISTENCY_WEEKS
): Consistency {
	const today = todayFor(now);
	const weeks = lastWeeks(now, weekCount);
	const reported = new Set<number>();
	const settled = new Set<string>();
	for (const answer of answers) {
		settled.add(`${answer.actionId} ${answer.occurrence}`);
		if (answer.outcome === null) continue;
		const i = weekIndex(weeks, answer.occurrence);
		if (i >= 0) reported.add(i);
	}
	const open = new Set<number>();
	for (const action of actions) {
		for (const day of occurrencesBetween(action.schedule, weeks[0]!.start, today)) {
			if (action.closedOn !== null && day >= action.closedOn) continue;
			if (settled.has(`${action.id} ${day}`)) continue;
			open.add(weekIndex(weeks, day));
		}
	}
	const strip: ConsistencyWeek[] = weeks.map((w, i) => ({
		...w,
		label: shortDay(w.start),
		state: reported.has(i) ? 'reported' : open.has(i) ? (w.current ? 'waiting' : 'missed') : 'quiet'
	}));
	const reportedCount = strip.filter((w) => w.state === 'reported').length;
	const missedCount = strip.filter((w) => w.state === 'missed').length;
	let run = 0;
	for (let i = strip.length - 1; i >= 0; i--) {
		const state = strip[i]!.state;
		if (state === 'quiet' || state === 'waiting') continue;
		if (state === 'missed') break;
		run++;
	}
	const waiting = strip.some((w) => w.state === 'waiting');
	return {
		weeks: strip,
		reported: reportedCount,
		missed: missedCount,
		run,
		reading: readConsistency(reportedCount, missedCount, run, weekCount),
		next: waiting
			? 'A report-back is waiting for you this week. It takes a few minutes.'
			: reportedCount + missedCount === 0
				? 'Nothing has been due yet. Commit to one small action, and your weeks fill in here.'
				: 'Nothing is waiting right now. Your next report-back is shown on your actions.'
	};
}

function readConsistency(reported: number, missed: number, run: number, weekCount: number): string {
	if (reported + missed === 0) return `Nothing was due in the last ${weekCount} weeks.`;
	let text = `You reported back in ${reported} of the last ${weekCount} weeks`;
	text +=
		missed > 0
			? `. ${missed === 1 ? 'One week' : `${missed} weeks`} went by without one. That happens: the rhythm picks up again with the next one.`
			: ': every week that asked for one.';
	if (run >= 2) text += ` You are on a run of ${run} weeks in a row.`;
	return text;
}
