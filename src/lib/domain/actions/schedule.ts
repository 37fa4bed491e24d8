import { addDays, daysBetween, formatDay, weekdayOf, type IsoDate } from './dates.ts';
import { WEEKDAY_NAMES, type Weekday } from './kinds.ts';

/**
 * When an action asks for a report-back. A one-off action has one occurrence, its due date. A
 * weekly rhythm has one occurrence per week on its weekday, starting the first such day after the
 * action was committed (so it is never due the moment it is made). A pause skips every occurrence
 * before its date; the rhythm then carries on, on the same weekday.
 */
export type Schedule =
	| { type: 'date'; dueOn: IsoDate }
	| { type: 'weekly'; weekday: Weekday; startsOn: IsoDate; pausedUntil: IsoDate | null };

export interface DueState {
	/** The occurrence waiting for a report-back now: reached, not yet reported or skipped. */
	due: IsoDate | null;
	/** The next occurrence after today that is not settled yet (null: nothing more is coming). */
	next: IsoDate | null;
	/** What "skip this time" would skip: the due occurrence, else the next one. Rhythms only. */
	skippable: IsoDate | null;
}

/**
 * Whether a rhythm paused until `pausedUntil` is still paused on `day`. The pause ends on its
 * date: that day's occurrence counts again.
 */
export function isPausedOn(pausedUntil: IsoDate | null, day: IsoDate): boolean {
	return pausedUntil !== null && pausedUntil > day;
}

/** The first date on or after `from` that falls on `weekday`. */
export function onOrAfter(from: IsoDate, weekday: Weekday): IsoDate {
	return addDays(from, (weekday - weekdayOf(from) + 7) % 7);
}

/** The first occurrence that counts: after the start day, and not before the end of a pause. */
export function firstOccurrence(schedule: Schedule): IsoDate {
	if (schedule.type === 'date') return schedule.dueOn;
	const first = onOrAfter(addDays(schedule.startsOn, 1), schedule.weekday);
	if (isPausedOn(schedule.pausedUntil, first))
		return onOrAfter(schedule.pausedUntil!, schedule.weekday);
	return first;
}

/** The latest occurrence on or before `today`, or null when none has been reached. */
export function latestReached(schedule: Schedule, today: IsoDate): IsoDate | null {
	const first = firstOccurrence(schedule);
	if (first > today) return null;
	if (schedule.type === 'date') return first;
	return addDays(today, -((weekdayOf(today) - schedule.weekday + 7) % 7));
}

/** Just the occurrence waiting for a report-back now (what `dueState` calls `due`), cheaply. */
export function dueOccurrence(
	schedule: Schedule,
	settled: ReadonlySet<IsoDate> | readonly IsoDate[],
	today: IsoDate
): IsoDate | null {
	const latest = latestReached(schedule, today);
	if (!latest) return null;
	const answered = 'has' in settled ? settled.has(latest) : settled.includes(latest);
	return answered ? null : latest;
}

/**
 * Where an action stands today. `settled` holds the occurrences already reported on or skipped.
 * Only the latest reached occurrence is ever due: a missed week is not owed later, the rhythm
 * simply moves on to this week's day.
 */
export function dueState(
	schedule: Schedule,
	settled: ReadonlySet<IsoDate>,
	today: IsoDate,
	closed = false
): DueState {
	if (closed) return { due: null, next: null, skippable: null };
	const latest = latestReached(schedule, today);
	const due = latest && !settled.has(latest) ? latest : null;
	if (schedule.type === 'date') {
		const next = latest === null && !settled.has(schedule.dueOn) ? schedule.dueOn : null;
		return { due, next, skippable: null };
	}
	let next = latest ? addDays(latest, 7) : firstOccurrence(schedule);
	// Weeks skipped ahead of time are passed over; a bound keeps a corrupt row from looping.
	for (let i = 0; i < 520 && settled.has(next); i++) next = addDays(next, 7);
	return { due, next, skippable: due ?? next };
}

/** "Every Thursday" or "By Thursday 3 December", plus the pause when there is one. */
export function describeSchedule(schedule: Schedule, today: IsoDate): string {
	if (schedule.type === 'date') return `By ${formatDay(schedule.dueOn, today)}`;
	const every = `Every ${WEEKDAY_NAMES[schedule.weekday]}`;
	if (isPausedOn(schedule.pausedUntil, today))
		return `${every}, paused until ${formatDay(schedule.pausedUntil!, today)}`;
	return every;
}

/** "today", "tomorrow", "in 3 days", "2 days ago": for lists. */
export function relativeDay(date: IsoDate, today: IsoDate): string {
	const days = daysBetween(today, date);
	if (days === 0) return 'today';
	if (days === 1) return 'tomorrow';
	if (days === -1) return 'yesterday';
	return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
