import { addDays, todayFor } from '../../domain/actions/dates.ts';
import type { OpenActionDigest } from '../../domain/roster.ts';
import type { AssessmentScore } from '../../domain/scoring/score-assessment.ts';
import { changeBetween } from '../assessments/get-assessment-result.ts';
import type { AppContext } from '../context.ts';
import { scheduleOf } from '../actions/view.ts';

type Ctx = Pick<AppContext, 'db' | 'now'>;

function latest(...values: (string | null | undefined)[]): string | null {
	let best: string | null = null;
	for (const value of values) if (value && (!best || value > best)) best = value;
	return best;
}

/**
 * Rebuilds the roster's row for one client from their records. Called after anything that changes
 * what the roster shows (a finished assessment, an entry saved or shared, an action or a
 * report-back), so the roster reads one row per client however long their history is. The
 * coach's "last seen" mark is left as it is.
 */
export async function refreshClientSummary(ctx: Ctx, clientId: string): Promise<void> {
	const { db } = ctx;
	const now = ctx.now();
	const results = await db
		.selectFrom('assessments')
		.select(['result', 'completed_at'])
		.where('user_id', '=', clientId)
		.where('completed_at', 'is not', null)
		.orderBy('completed_at', 'desc')
		.limit(2)
		.execute();
	const count = await db
		.selectFrom('assessments')
		.select((eb) => [
			eb.fn.count<number>('completed_at').as('completed'),
			eb.fn.max('updated_at').as('last')
		])
		.where('user_id', '=', clientId)
		.executeTakeFirstOrThrow();
	const journal = await db
		.selectFrom('journal_entries')
		.select((eb) => [eb.fn.max('updated_at').as('last'), eb.fn.max('shared_at').as('shared')])
		.where('user_id', '=', clientId)
		.executeTakeFirstOrThrow();
	const actions = await db
		.selectFrom('actions')
		.selectAll()
		.where('user_id', '=', clientId)
		.execute();
	const reports = actions.length
		? await db
				.selectFrom('action_reports')
				.select(['action_id', 'occurrence', 'updated_at', 'skipped_at'])
				.where(
					'action_id',
					'in',
					actions.map((a) => a.id)
				)
				.execute()
		: [];

	const [newest, before] = results.map((r) => JSON.parse(r.result!) as AssessmentScore);
	const change = newest && before ? changeBetween(before, newest) : null;

	// Settled occurrences older than a week before today can never be "due" again (only the
	// latest reached occurrence is), so the digest keeps just the recent ones.
	const keepFrom = addDays(todayFor(now), -7);
	const open: OpenActionDigest[] = actions
		.filter((a) => a.closed_at === null)
		.map((a) => ({
			schedule: scheduleOf(a),
			settled: reports
				.filter((r) => r.action_id === a.id && r.occurrence >= keepFrom)
				.map((r) => r.occurrence)
				.sort()
		}));
	const lastReportAt = latest(
		...reports.filter((r) => r.skipped_at === null).map((r) => r.updated_at)
	);
	const row = {
		position: newest?.position ?? null,
		previous_position: before?.position ?? null,
		change_kind: change?.verdict ?? null,
		latest_result_at: results[0]?.completed_at ?? null,
		result_count: Number(count.completed),
		last_activity_at: latest(
			count.last as string | null,
			journal.last as string | null,
			lastReportAt,
			...actions.map((a) => a.updated_at)
		),
		last_shared_at: (journal.shared as string | null) ?? null,
		last_report_at: lastReportAt,
		open_actions: JSON.stringify(open),
		refreshed_at: now.toISOString()
	};
	await db
		.insertInto('client_summaries')
		.values({ client_id: clientId, coach_seen_at: null, ...row })
		.onConflict((oc) => oc.column('client_id').doUpdateSet(row))
		.execute();
}

/** A cheap mark of activity (an entry autosaved); builds the whole row when there is none yet. */
export async function touchClientActivity(ctx: Ctx, clientId: string): Promise<void> {
	const at = ctx.now().toISOString();
	const result = await ctx.db
		.updateTable('client_summaries')
		.set({ last_activity_at: at })
		.where('client_id', '=', clientId)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) === 0) await refreshClientSummary(ctx, clientId);
}
