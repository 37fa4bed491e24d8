import { addDays, todayFor, weekdayOf, type IsoDate } from '../actions/dates.ts';

/**
 * Weeks and months for the home page's charts. Everything is in UTC, like a person's "today"
 * elsewhere (see actions/dates.ts). Weeks are ISO weeks: Monday to Sunday.
 */
export interface Week {
	/** The Monday that opens the week. */
	start: IsoDate;
	/** The Sunday that closes it. */
	end: IsoDate;
	/** The week holding today. */
	current: boolean;
}

export interface Month {
	/** YYYY-MM */
	key: string;
	/** "Jun", or "Jan 2027" when the year turns (so a label is never ambiguous). */
	label: string;
	current: boolean;
}

/** Month names as every date on the pages writes them ("Sept", as en-GB does), built once. */
const monthName = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
const MONTHS = Array.from({ length: 12 }, (_, m) => monthName.format(Date.UTC(2026, m, 1)));

/** The Monday of the ISO week holding `date`. */
export function weekStartOf(date: IsoDate): IsoDate {
	return addDays(date, 1 - weekdayOf(date));
}

const DAY_MS = 24 * 60 * 60 * 1000;
const dayOf = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

/**
 * The same few windows are asked for on every home page of the day: they are kept, a handful at
 * a time (callers copy from them and never change them).
 */
const remembered = new Map<string, readonly Week[] | readonly Month[]>();
function remember<T extends readonly Week[] | readonly Month[]>(key: string, make: () => T): T {
	const known = remembered.get(key);
	if (known) return known as T;
	if (remembered.size >= 16) remembered.clear();
	const made = make();
	remembered.set(key, made);
	return made;
}

/** The last `count` weeks, oldest first, ending with the week holding `now`. */
export function lastWeeks(now: Date, count: number): readonly Week[] {
	return remember(`w:${todayFor(now)}:${count}`, () => makeWeeks(now, count));
}

function makeWeeks(now: Date, count: number): Week[] {
	// Day arithmetic on one timestamp.
	const monday = Date.parse(`${weekStartOf(todayFor(now))}T00:00:00.000Z`);
	const weeks: Week[] = [];
	for (let i = count - 1; i >= 0; i--) {
		const start = monday - 7 * i * DAY_MS;
		weeks.push({ start: dayOf(start), end: dayOf(start + 6 * DAY_MS), current: i === 0 });
	}
	return weeks;
}

/** The last `count` calendar months, oldest first, ending with the month holding `now`. */
export function lastMonths(now: Date, count: number): readonly Month[] {
	return remember(`m:${todayFor(now).slice(0, 7)}:${count}`, () => makeMonths(now, count));
}

function makeMonths(now: Date, count: number): Month[] {
	const year = now.getUTCFullYear();
	const month = now.getUTCMonth();
	const months: Month[] = [];
	for (let i = count - 1; i >= 0; i--) {
		const d = new Date(Date.UTC(year, month - i, 1));
		const key = d.toISOString().slice(0, 7);
		const first = i === count - 1;
		const january = d.getUTCMonth() === 0;
		months.push({
			key,
			label: `${MONTHS[d.getUTCMonth()]}${first || january ? ` ${d.getUTCFullYear()}` : ''}`,
			current: i === 0
		});
	}
	return months;
}

/** The first instant counted by a window of weeks or months, as an ISO timestamp (for queries). */
export function windowStart(periods: readonly Week[] | readonly Month[]): string {
	const first = periods[0];
	if (!first) throw new Error('An empty window has no start.');
	const day = 'start' in first ? first.start : `${first.key}-01`;
	return `${day}T00:00:00.000Z`;
}

/** Index of the week holding `date` in `weeks`, or -1 when it falls outside them. */
export function weekIndex(weeks: readonly Week[], date: IsoDate): number {
	const first = weeks[0];
	if (!first || date < first.start || date > weeks[weeks.length - 1]!.end) return -1;
	return weeks.findIndex((w) => date >= w.start && date <= w.end);
}

/** Index of the month holding a date or timestamp in `months`, or -1. */
export function monthIndex(months: readonly Month[], dateOrTimestamp: string): number {
	const key = dateOrTimestamp.slice(0, 7);
	return months.findIndex((m) => m.key === key);
}

/** "27 Nov": a short day for chart labels. */
export function shortDay(date: IsoDate): string {
	return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;
}
