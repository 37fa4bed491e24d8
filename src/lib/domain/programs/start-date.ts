import { daysBetween, isIsoDate, type IsoDate } from '../actions/dates.ts';

export const START_DAYS_BACK = 30;
export const START_DAYS_AHEAD = 365;

/** What is wrong with an enrolment's start date, or null. A start in the past counts from then. */
export function startDateProblem(value: string, today: IsoDate): string | null {
	if (!isIsoDate(value)) return 'Enter a start date, such as 2026-12-01.';
	const offset = daysBetween(today, value);
	if (offset < -START_DAYS_BACK) return `Pick a start no more than ${START_DAYS_BACK} days ago.`;
	if (offset > START_DAYS_AHEAD) return `Pick a start within a year from today.`;
	return null;
}

/** An enrolment starts at the beginning of its day (UTC, like every "today" in Midpoint). */
export const startInstant = (date: IsoDate) => `${date}T00:00:00.000Z`;
