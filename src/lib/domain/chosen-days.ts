import { addDays, isIsoDate, type IsoDate } from './actions/dates.ts';

/**
 * The days a person picks on a form: a due date (an action's, or a retake a coach asks for) and
 * the day a paused rhythm starts again. Each check returns the message to show beside the field,
 * or null when the day is fine. The forms' schemas and the use-cases behind them both ask here,
 * so a day the form accepts is never refused a step later, nor the other way round.
 */

/** Due dates and pauses reach at most this far ahead: further is more likely a typo than a plan. */
export const MAX_DAYS_AHEAD = 366;

const NOT_A_DATE = 'Enter the date as year-month-day, for example 2026-12-03.';
const TOO_FAR = 'Pick a day within the next year.';

/**
 * A due date: a real date, today or later (today counts: "by tonight"), and within a year.
 * `whenMissing` says what to pick in the words of the form asking.
 */
export function dueDateProblem(
	value: string | undefined,
	today: IsoDate,
	whenMissing = 'Pick the day you want to have done it by.'
): string | null {
	if (!value?.trim()) return whenMissing;
	if (!isIsoDate(value)) return NOT_A_DATE;
	if (value < today) return 'That day has already passed. Pick today or a later day.';
	if (value > addDays(today, MAX_DAYS_AHEAD)) return TOO_FAR;
	return null;
}

/** The end of a pause: a real date after today (a pause until today pauses nothing), within a year. */
export function pauseDateProblem(value: string | undefined, today: IsoDate): string | null {
	if (!value?.trim()) return 'Pick the day your rhythm starts again.';
	if (!isIsoDate(value)) return NOT_A_DATE;
	if (value <= today) return 'Pick a day after today.';
	if (value > addDays(today, MAX_DAYS_AHEAD)) return TOO_FAR;
	return null;
}
