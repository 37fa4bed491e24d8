import { addDays, todayFor } from '../../domain/actions/dates.ts';
import type { OpenActionDigest } from '../../domain/roster.ts';
import { changeBetween } from '../../domain/scoring/score-change.ts';
import type { AppContext } from '../context.ts';
import { scheduleOf } from '../actions/view.ts';
import { listActionsOf, listReportsOf } from '../actions/repository.ts';
import { listNewestResults, summariseAssessmentsOf } from '../assessments/repository.ts';
import { summariseEntriesOf } from '../journal/repository.ts';
import { saveClientSummary, touchClientSummary } from './repository.ts';

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
	const results = await listNewestResults(db, clientId, 2);
	const assessments = await summariseAssessmentsOf(db, clientId);
	const journal = await summariseEntriesOf(db, clientId);
	const actions = await listActionsOf(db, clientId);
	const reports = await listReportsOf(
		db,
		actions.map((a) => a.id)
	);

	const [newest, before] = results.map((r) => r.score);
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
		latest_result_at: results[0]?.completedAt ?? null,
		result_count: assessments.completed,
		last_activity_at: latest(
			assessments.lastUpdatedAt,
			journal.lastUpdatedAt,
			lastReportAt,
			...actions.map((a) => a.updated_at)
		),
		last_shared_at: journal.lastSharedAt,
		last_report_at: lastReportAt,
		open_actions: JSON.stringify(open),
		refreshed_at: now.toISOString()
	};
	await saveClientSummary(db, clientId, row);
}

/** A cheap mark of activity (an entry autosaved); builds the whole row when there is none yet. */
export async function touchClientActivity(ctx: Ctx, clientId: string): Promise<void> {
	const at = ctx.now().toISOString();
	if (!(await touchClientSummary(ctx.db, clientId, at))) await refreshClientSummary(ctx, clientId);
}
