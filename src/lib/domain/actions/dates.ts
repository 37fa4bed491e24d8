import type { Weekday } from './kinds.ts';

/**
 * Calendar days as `YYYY-MM-DD` text. For now a person's "today" is the UTC date: people west of
 * Greenwich see tomorrow's date arrive in their evening. When accounts get a time zone, only
 * `todayFor` changes; every rule below works on plain dates.
 */
export type IsoDate = string;

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function todayFor(now: Date): IsoDate {
	return now.toISOString().slice(0, 10);
}

/** A real calendar date in `YYYY-MM-DD` form (so 2026-02-30 is refused). */
export function isIsoDate(value: string): boolean {
	const m = ISO_DATE.exec(value);
	if (!m) return false;
	const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return date.toISOString().slice(0, 10) === value;
}

function toTime(date: IsoDate): number {
	// Date.UTC on the parts is several times faster than parsing text (the roster does this a lot).
	return Date.UTC(
		Number(date.slice(0, 4)),
		Number(date.slice(5, 7)) - 1,
		Number(date.slice(8, 10))
	);
}

export function addDays(date: IsoDate, days: number): IsoDate {
	return new Date(toTime(date) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
	return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

/** ISO weekday of a date: 1 Monday … 7 Sunday. */
export function weekdayOf(date: IsoDate): Weekday {
	const day = new Date(toTime(date)).getUTCDay();
	return (day === 0 ? 7 : day) as Weekday;
}

// Building a date format is costly (toLocaleDateString builds one per call, and a coach's page
// formats hundreds of dates): the two shapes are made once and reused.
const dayThisYear = new Intl.DateTimeFormat('en-GB', {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	timeZone: 'UTC'
});
const dayOtherYear = new Intl.DateTimeFormat('en-GB', {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});

/** "Thursday 3 December" (the year only when it is not the current one). */
export function formatDay(date: IsoDate, today?: IsoDate): string {
	const sameYear = today ? today.slice(0, 4) === date.slice(0, 4) : true;
	return (sameYear ? dayThisYear : dayOtherYear).format(toTime(date));
}
