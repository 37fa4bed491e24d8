import type { DomainCode } from '../../content/instrument/codes.ts';
import type { Discipline, ReflectionStep } from '../../content/program/reflection.ts';
import type { ActionKind, Comparison, Outcome } from '../../domain/actions/kinds.ts';
import type { DemoAnswers } from './seed-demo-assessments.ts';

/**
 * The shape of a demo person's history. Every moment is given in days before the day the demo is
 * seeded (1 = yesterday), so the practice looks lived-in whenever it is made. Nothing happens on
 * the day itself: every event is safely in the past, whatever the hour.
 */

/** A message in a thread, by the coach or by the client. */
export interface DemoReply {
	daysAgo: number;
	from: 'coach' | 'client';
	body: string;
}

export interface DemoResult extends DemoAnswers {
	daysAgo: number;
}

export interface DemoEntry {
	daysAgo: number;
	step: ReflectionStep['id'];
	promptId: string;
	body: string;
	domains: DomainCode[];
	disciplines: Discipline[];
	/** Shared with the coach that many days ago (0 days after writing: straight away); absent: private. */
	sharedDaysAgo?: number;
	replies?: DemoReply[];
}

export interface DemoReport {
	outcome: Outcome;
	happened?: string;
	mutuality?: 1 | 2 | 3 | 4 | 5;
	compared?: Comparison;
	measure?: { value: number; label: string };
	note?: string;
	/** Days after the occurrence the report was written (0–6; default 0, that evening). */
	lateBy?: number;
	replies?: DemoReply[];
}

/** One week of a rhythm: a report-back, a skipped week, or a week let pass without a word. */
export type DemoWeek = DemoReport | 'skip' | 'miss';

interface DemoActionBase {
	what: string;
	withName: string;
	withEmail?: string;
	domain: DomainCode;
	kind: ActionKind;
	discipline: Discipline;
	/** Closed (done with) that many days ago; absent: still open. */
	closedDaysAgo?: number;
}

/**
 * A weekly rhythm, described by its weeks in order: the last one fell `lastDaysAgo` days ago, and
 * the action was committed to `leadDays` (default 2) before the first.
 */
export interface DemoWeeklyAction extends DemoActionBase {
	weekly: {
		lastDaysAgo: number;
		weeks: DemoWeek[];
		leadDays?: number;
		/** Paused that many days ago, until that many days from now. */
		pause?: { daysAgo: number; untilDaysAhead: number };
	};
}

/** A one-off action: due `dueDaysAgo` days ago (negative: still ahead), reported on or not. */
export interface DemoOneOffAction extends DemoActionBase {
	once: {
		createdDaysAgo: number;
		dueDaysAgo: number;
		report?: DemoReport;
	};
}

export type DemoAction = DemoWeeklyAction | DemoOneOffAction;

export interface DemoPerson {
	name: string;
	email: string;
	/** When the account was made (for a client of Rosa's: when she brought them in). */
	joinedDaysAgo: number;
	results: DemoResult[];
	entries: DemoEntry[];
	actions: DemoAction[];
}

export interface DemoClient extends DemoPerson {
	/** When Rosa last opened this client: anything shared or reported since shows as new. */
	coachSeenDaysAgo: number;
	/** Rosa's private notes on this client. */
	notes?: { daysAgo: number; body: string }[];
	/** A retake Rosa asked for. */
	reassessment?: { daysAgo: number; dueInDays: number };
}

/** A report-back in a line: outcome, how mutual it felt, compared with alone, what happened. */
export function report(
	outcome: Outcome,
	mutuality?: DemoReport['mutuality'],
	compared?: Comparison,
	happened?: string,
	more: Omit<DemoReport, 'outcome' | 'mutuality' | 'compared' | 'happened'> = {}
): DemoReport {
	return { outcome, mutuality, compared, happened, ...more };
}
