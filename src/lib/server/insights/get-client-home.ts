import { dueState } from '../../domain/actions/schedule.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import {
	buildHomeInsights,
	loadRhythm,
	requireOwnRhythm,
	scheduleOf,
	type HomeInsights
} from './get-home-insights.ts';

export interface ClientHome {
	/** For "what comes next": report-backs waiting now, and open actions. */
	actions: { dueCount: number; openCount: number };
	insights: HomeInsights;
}

/**
 * Everything the client's home shows about their actions, from one read of them: the counts
 * for the "what comes next" card and the charts of their rhythm.
 */
export async function getClientHome(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor }
): Promise<ClientHome> {
	requireOwnRhythm(input.actor);
	const rows = await loadRhythm(ctx, input.actor.userId);
	// Every report-back of an open action was read, so "due now" is exact (as on /actions).
	const settled = new Map<string, Set<string>>();
	for (const report of rows.reports) {
		let set = settled.get(report.action_id);
		if (!set) settled.set(report.action_id, (set = new Set()));
		set.add(report.occurrence);
	}
	let openCount = 0;
	let dueCount = 0;
	for (const action of rows.actions) {
		if (action.closed_at !== null) continue;
		openCount++;
		const state = dueState(scheduleOf(action), settled.get(action.id) ?? new Set(), rows.today);
		if (state.due !== null) dueCount++;
	}
	return { actions: { dueCount, openCount }, insights: buildHomeInsights(rows) };
}
