import { randomUUID } from 'node:crypto';
import {
	ACTION_SUGGESTIONS,
	findSuggestion,
	type ActionSuggestion
} from '../../content/program/action-suggestions.ts';
import { todayFor } from '../../domain/actions/dates.ts';
import { MAX_OPEN_ACTIONS } from '../../domain/actions/kinds.ts';
import { LEAN_INTROS, pickSuggestions } from '../../domain/actions/suggestions.ts';
import { leanFor, type Lean } from '../../domain/lean.ts';
import type { Actor } from '../../domain/policies.ts';
import { listAssessmentHistory } from '../assessments/list-assessment-history.ts';
import type { AppContext } from '../context.ts';
import { listActionsOf } from './repository.ts';

/**
 * What the new-action form needs: suggestions fitted to the latest result, the chosen one to
 * fill the form with, how many places are free, and a fresh key against double submits.
 */
export async function prepareNewAction(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; suggestionId?: string | null }
): Promise<{
	lean: Lean;
	intro: string;
	suggestions: ActionSuggestion[];
	chosen: ActionSuggestion | null;
	openCount: number;
	limit: number;
	key: string;
}> {
	const history = await listAssessmentHistory(ctx, {
		actor: input.actor,
		userId: input.actor.userId
	});
	const latest = history.entries.at(-1)?.score;
	const lean = leanFor(latest?.position, latest?.pulledBothWays);
	const open = (await listActionsOf(ctx.db, input.actor.userId)).filter((a) => !a.closed_at);
	const inUse = new Set(open.map((a) => a.suggestion_id).filter((id): id is string => !!id));
	return {
		lean,
		intro: LEAN_INTROS[lean],
		suggestions: pickSuggestions(ACTION_SUGGESTIONS, lean, todayFor(ctx.now()), inUse),
		chosen: findSuggestion(input.suggestionId) ?? null,
		openCount: open.length,
		limit: MAX_OPEN_ACTIONS,
		key: randomUUID()
	};
}
