import {
	DISCIPLINE_NAMES,
	DISCIPLINES,
	type Discipline
} from '../../content/program/reflection.ts';
import { lastMonths, monthIndex, type Month } from './calendar.ts';
import { listJoin } from './ledger.ts';

/**
 * The four disciplines over time: per calendar month, how many journal entries and actions were
 * tagged with each. An entry tagged with two disciplines counts once for each. Entries count in
 * the month they were first written; actions in the month they were committed.
 */
export interface TaggedEntry {
	createdAt: string;
	/** The stored JSON array of discipline names. */
	disciplines: string;
}
export interface TaggedAction {
	createdAt: string;
	discipline: string;
}

export interface DisciplineCount {
	journal: number;
	actions: number;
	total: number;
}

export interface DisciplineMonth extends Month {
	counts: Record<Discipline, DisciplineCount>;
}

export interface DisciplineSeries {
	discipline: Discipline;
	name: string;
	total: number;
}

export interface DisciplinesOverTime {
	months: DisciplineMonth[];
	series: DisciplineSeries[];
	/** The largest single count in any month (at least 1, for scales). */
	max: number;
	total: number;
	reading: string;
}

export const DISCIPLINE_MONTHS = 6;

/** Tolerant of bad rows: anything that is not a JSON array of known names counts as no tags. */
export function parseDisciplines(json: string): Discipline[] {
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch {
		return [];
	}
	if (!Array.isArray(value)) return [];
	const known = new Set<string>(DISCIPLINES);
	return [...new Set(value.filter((d): d is Discipline => typeof d === 'string' && known.has(d)))];
}

function isDiscipline(value: string): value is Discipline {
	return (DISCIPLINES as readonly string[]).includes(value);
}

export function buildDisciplines(
	entries: readonly TaggedEntry[],
	actions: readonly TaggedAction[],
	now: Date,
	monthCount = DISCIPLINE_MONTHS
): DisciplinesOverTime {
	const months: DisciplineMonth[] = lastMonths(now, monthCount).map((m) => ({
		...m,
		counts: Object.fromEntries(
			DISCIPLINES.map((d) => [d, { journal: 0, actions: 0, total: 0 }])
		) as Record<Discipline, DisciplineCount>
	}));
	for (const entry of entries) {
		const i = monthIndex(months, entry.createdAt);
		if (i < 0) continue;
		for (const d of parseDisciplines(entry.disciplines)) {
			months[i]!.counts[d].journal++;
			months[i]!.counts[d].total++;
		}
	}
	for (const action of actions) {
		const i = monthIndex(months, action.createdAt);
		if (i < 0 || !isDiscipline(action.discipline)) continue;
		months[i]!.counts[action.discipline].actions++;
		months[i]!.counts[action.discipline].total++;
	}
	const series = DISCIPLINES.map((discipline) => ({
		discipline,
		name: DISCIPLINE_NAMES[discipline],
		total: months.reduce((sum, m) => sum + m.counts[discipline].total, 0)
	}));
	const max = Math.max(1, ...months.flatMap((m) => DISCIPLINES.map((d) => m.counts[d].total)));
	const total = series.reduce((sum, s) => sum + s.total, 0);
	return { months, series, max, total, reading: readDisciplines(series, monthCount) };
}

function readDisciplines(series: readonly DisciplineSeries[], monthCount: number): string {
	const span = `Over the last ${monthCount} months`;
	const total = series.reduce((sum, s) => sum + s.total, 0);
	if (total === 0)
		return `${span} nothing has been tagged with a discipline yet. Tag your next journal entry or action, and it shows up here.`;
	const counts = listJoin(series.map((s) => `${s.name.toLowerCase()} ${s.total}`));
	const quiet = series.filter((s) => s.total === 0).map((s) => s.name.toLowerCase());
	const next =
		quiet.length > 0
			? ` Nothing yet for ${listJoin(quiet)}: try it in your next entry.`
			: ` The least used is ${[...series].sort((a, b) => a.total - b.total)[0]!.name.toLowerCase()}: give it a turn next.`;
	return `${span}, your entries and actions were tagged: ${counts}.${next}`;
}
