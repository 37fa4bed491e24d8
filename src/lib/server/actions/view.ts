import { DOMAIN_NAMES } from '../../content/instrument/codes.ts';
import { DISCIPLINE_NAMES, type Discipline } from '../../content/program/reflection.ts';
import type { IsoDate } from '../../domain/actions/dates.ts';
import {
	ACTION_KIND_NAMES,
	COMPARISON_NAMES,
	OUTCOME_NAMES,
	type Weekday
} from '../../domain/actions/kinds.ts';
import {
	describeSchedule,
	dueState,
	type DueState,
	type Schedule
} from '../../domain/actions/schedule.ts';
import type { ActionRow, ReportRow } from './repository.ts';

export function scheduleOf(row: ActionRow): Schedule {
	return row.due_on !== null
		? { type: 'date', dueOn: row.due_on }
		: {
				type: 'weekly',
				weekday: row.weekday as Weekday,
				startsOn: row.starts_on,
				pausedUntil: row.paused_until
			};
}

/** Occurrences already answered (reported or skipped). */
export function settledOf(reports: readonly Pick<ReportRow, 'occurrence'>[]): Set<IsoDate> {
	return new Set(reports.map((r) => r.occurrence));
}

export function stateOf(
	row: ActionRow,
	reports: readonly Pick<ReportRow, 'occurrence'>[],
	today: IsoDate
): DueState {
	return dueState(scheduleOf(row), settledOf(reports), today, row.closed_at !== null);
}

/** What pages show of an action: plain data with the words already chosen. */
export interface ActionView extends DueState {
	id: string;
	what: string;
	withName: string;
	withEmail: string | null;
	domain: string;
	domainName: string;
	kind: string;
	kindName: string;
	discipline: string;
	disciplineName: string;
	schedule: Schedule;
	scheduleText: string;
	createdAt: string;
	closedAt: string | null;
	reportCount: number;
}

export function toView(
	row: ActionRow,
	reports: readonly Pick<ReportRow, 'occurrence' | 'outcome'>[],
	today: IsoDate
): ActionView {
	const schedule = scheduleOf(row);
	return {
		id: row.id,
		what: row.what,
		withName: row.with_name,
		withEmail: row.with_email,
		domain: row.domain,
		domainName: DOMAIN_NAMES[row.domain],
		kind: row.kind,
		kindName: ACTION_KIND_NAMES[row.kind],
		discipline: row.discipline,
		disciplineName: DISCIPLINE_NAMES[row.discipline as Discipline] ?? row.discipline,
		schedule,
		scheduleText: describeSchedule(schedule, today),
		createdAt: row.created_at,
		closedAt: row.closed_at,
		reportCount: reports.filter((r) => r.outcome !== null).length,
		...stateOf(row, reports, today)
	};
}

export interface ReportView {
	occurrence: IsoDate;
	skipped: boolean;
	outcome: string | null;
	outcomeName: string | null;
	happened: string | null;
	mutuality: number | null;
	compared: string | null;
	comparedName: string | null;
	measure: number | null;
	measureLabel: string | null;
	note: string | null;
	updatedAt: string;
}

export function toReportView(row: ReportRow): ReportView {
	return {
		occurrence: row.occurrence,
		skipped: row.outcome === null,
		outcome: row.outcome,
		outcomeName: row.outcome ? OUTCOME_NAMES[row.outcome] : null,
		happened: row.happened,
		mutuality: row.mutuality,
		compared: row.compared,
		comparedName: row.compared ? COMPARISON_NAMES[row.compared] : null,
		measure: row.measure,
		measureLabel: row.measure_label,
		note: row.note,
		updatedAt: row.updated_at
	};
}
