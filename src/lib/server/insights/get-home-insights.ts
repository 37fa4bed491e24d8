import { addDays, todayFor } from '../../domain/actions/dates.ts';
import type { ActionKind, Outcome, Weekday } from '../../domain/actions/kinds.ts';
import type { Schedule } from '../../domain/actions/schedule.ts';
import { DomainError } from '../../domain/errors.ts';
import { lastMonths, weekStartOf, windowStart } from '../../domain/insights/calendar.ts';
import {
	buildConsistency,
	CONSISTENCY_WEEKS,
	type Consistency
} from '../../domain/insights/consistency.ts';
import {
	buildDisciplines,
	DISCIPLINE_MONTHS,
	type DisciplinesOverTime
} from '../../domain/insights/disciplines.ts';
import {
	buildLedger,
	LEDGER_WEEKS,
	ledgerNextStep,
	type Ledger
} from '../../domain/insights/ledger.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { listReportStatesOf, type ReportState } from '../actions/repository.ts';
import {
	listHomeActions,
	listJournalTags,
	type HomeActionRow,
	type JournalTagRow
} from './repository.ts';

export interface HomeInsights {
	ledger: Ledger & { next: string };
	consistency: Consistency;
	disciplines: DisciplinesOverTime;
}

/** What the home page reads about a person's actions, once, for every card that needs it. */
export interface RhythmRows {
	now: Date;
	today: string;
	/** The first day the weekly charts show. */
	firstDay: string;
	actions: HomeActionRow[];
	reports: ReportState[];
	entries: JournalTagRow[];
}

/** Only the signed-in person's own rhythm is ever read here. */
export function requireOwnRhythm(actor: Actor): void {
	const own = { ownerId: actor.userId };
	if (!can(actor, 'action.read', own) || !can(actor, 'journal.read', own))
		throw new DomainError('forbidden', 'You cannot see this.');
}

/**
 * Three small queries (two when there are no actions), one after another rather than in
 * parallel (a busy home page should hold one pooled connection per request, not three), and only
 * the columns needed.
 */
export async function loadRhythm(
	ctx: Pick<AppContext, 'db' | 'now'>,
	userId: string
): Promise<RhythmRows> {
	const now = ctx.now();
	const today = todayFor(now);
	const weeks = Math.max(LEDGER_WEEKS, CONSISTENCY_WEEKS);
	const firstDay = addDays(weekStartOf(today), -7 * (weeks - 1));
	const weekFrom = `${firstDay}T00:00:00.000Z`;
	const monthFrom = windowStart(lastMonths(now, DISCIPLINE_MONTHS));
	const since = weekFrom < monthFrom ? weekFrom : monthFrom;
	const actions = await listHomeActions(ctx.db, userId, since);
	// The report-backs and skips of those actions: the open ones' (what is due now) and those closed
	// inside the charts' window. Reports are written while an action is open and answer days that
	// have come, so an action closed before the window holds none the charts count.
	const reports = await listReportStatesOf(
		ctx.db,
		actions.map((a) => a.id)
	);
	const entries = await listJournalTags(ctx.db, userId, monthFrom);
	return { now, today, firstDay, actions, reports, entries };
}

/** The charts from rows already read: pure work, no queries. */
export function buildHomeInsights(rows: RhythmRows): HomeInsights {
	const { now, firstDay, today } = rows;
	const kindOf = new Map(rows.actions.map((a) => [a.id, a.kind as ActionKind]));
	// Report-backs answering occurrences inside the weeks shown.
	const shown = rows.reports.filter((r) => r.occurrence >= firstDay && r.occurrence <= today);
	const ledger = buildLedger(
		shown.map((r) => ({
			kind: kindOf.get(r.action_id)!,
			occurrence: r.occurrence,
			outcome: r.outcome as Outcome | null
		})),
		now
	);
	const consistency = buildConsistency(
		rows.actions.map((a) => ({
			id: a.id,
			schedule: scheduleOf(a),
			closedOn: a.closed_at ? todayFor(new Date(a.closed_at)) : null
		})),
		shown.map((r) => ({
			actionId: r.action_id,
			occurrence: r.occurrence,
			outcome: r.outcome as Outcome | null
		})),
		now
	);
	const disciplines = buildDisciplines(
		rows.entries.map((e) => ({ createdAt: e.created_at, disciplines: e.disciplines })),
		rows.actions.map((a) => ({ createdAt: a.created_at, discipline: a.discipline })),
		now
	);
	return { ledger: { ...ledger, next: ledgerNextStep(ledger.totals) }, consistency, disciplines };
}

/**
 * The client's rhythm for the home page: the reciprocity ledger, consistency over the weeks and
 * the four disciplines over time. No journal text (nothing is decrypted). It shows the signed-in
 * person's own data only.
 */
export async function getHomeInsights(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor }
): Promise<HomeInsights> {
	requireOwnRhythm(input.actor);
	return buildHomeInsights(await loadRhythm(ctx, input.actor.userId));
}

export function scheduleOf(row: {
	due_on: string | null;
	weekday: number | null;
	starts_on: string;
	paused_until: string | null;
}): Schedule {
	return row.due_on !== null
		? { type: 'date', dueOn: row.due_on }
		: {
				type: 'weekly',
				weekday: row.weekday as Weekday,
				startsOn: row.starts_on,
				pausedUntil: row.paused_until
			};
}
