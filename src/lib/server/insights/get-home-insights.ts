import { todayFor } from '../../domain/actions/dates.ts';
import type { ActionKind, Outcome, Weekday } from '../../domain/actions/kinds.ts';
import type { Schedule } from '../../domain/actions/schedule.ts';
import { DomainError } from '../../domain/errors.ts';
import { lastMonths, lastWeeks, windowStart } from '../../domain/insights/calendar.ts';
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

export interface HomeInsights {
	ledger: Ledger & { next: string };
	consistency: Consistency;
	disciplines: DisciplinesOverTime;
}

/**
 * The client's rhythm for the home page: the reciprocity ledger, consistency over the weeks and
 * the four disciplines over time. Three small queries, only the columns needed, no journal text
 * (nothing is decrypted). It shows the signed-in person's own data only.
 */
export async function getHomeInsights(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor }
): Promise<HomeInsights> {
	const userId = input.actor.userId;
	if (
		!can(input.actor, 'action.read', { ownerId: userId }) ||
		!can(input.actor, 'journal.read', { ownerId: userId })
	)
		throw new DomainError('forbidden', 'You cannot see this.');
	const now = ctx.now();
	const weekFrom = windowStart(lastWeeks(now, Math.max(LEDGER_WEEKS, CONSISTENCY_WEEKS)));
	const monthFrom = windowStart(lastMonths(now, DISCIPLINE_MONTHS));
	const since = weekFrom < monthFrom ? weekFrom : monthFrom;
	const firstDay = weekFrom.slice(0, 10);
	const today = todayFor(now);

	// One after another rather than in parallel: a busy home page should hold one pooled
	// connection per request, not three.
	// Actions that could show in a chart: still open, or closed inside the windows.
	const actions = await ctx.db
		.selectFrom('actions')
		.select([
			'id',
			'kind',
			'discipline',
			'due_on',
			'weekday',
			'starts_on',
			'paused_until',
			'created_at',
			'closed_at'
		])
		.where('user_id', '=', userId)
		.where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>=', since)]))
		.execute();
	// Report-backs and skips answering occurrences inside the weeks shown.
	const reports = await ctx.db
		.selectFrom('action_reports as r')
		.innerJoin('actions as a', 'a.id', 'r.action_id')
		.select(['r.action_id', 'r.occurrence', 'r.outcome', 'a.kind'])
		.where('a.user_id', '=', userId)
		.where('r.occurrence', '>=', firstDay)
		.where('r.occurrence', '<=', today)
		.execute();
	// Journal tags only: the text stays encrypted and unread.
	const entries = await ctx.db
		.selectFrom('journal_entries')
		.select(['disciplines', 'created_at'])
		.where('user_id', '=', userId)
		.where('created_at', '>=', monthFrom)
		.execute();

	const ledger = buildLedger(
		reports.map((r) => ({
			kind: r.kind as ActionKind,
			occurrence: r.occurrence,
			outcome: r.outcome as Outcome | null
		})),
		now
	);
	const consistency = buildConsistency(
		actions.map((a) => ({
			id: a.id,
			schedule: scheduleOf(a),
			closedOn: a.closed_at ? todayFor(new Date(a.closed_at)) : null
		})),
		reports.map((r) => ({
			actionId: r.action_id,
			occurrence: r.occurrence,
			outcome: r.outcome as Outcome | null
		})),
		now
	);
	const disciplines = buildDisciplines(
		entries.map((e) => ({ createdAt: e.created_at, disciplines: e.disciplines })),
		actions.map((a) => ({ createdAt: a.created_at, discipline: a.discipline })),
		now
	);
	return { ledger: { ...ledger, next: ledgerNextStep(ledger.totals) }, consistency, disciplines };
}

function scheduleOf(row: {
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
