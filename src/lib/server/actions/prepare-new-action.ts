import { randomUUID } from 'node:crypto';
import { todayFor } from '../../domain/actions/dates.ts';
import { MAX_OPEN_ACTIONS } from '../../domain/actions/kinds.ts';
import { LEAN_INTROS, pickSuggestions } from '../../domain/actions/suggestions.ts';
import { leanFor, type Lean } from '../../domain/lean.ts';
import { ideasNow, type IdeasNow } from '../../domain/programs/content-now.ts';
import type { SuggestionData } from '../../domain/programs/schema.ts';
import type { Actor } from '../../domain/policies.ts';
import { listAssessmentHistory } from '../assessments/list-assessment-history.ts';
import type { AppContext } from '../context.ts';
import { openStepOf } from '../programs/open-step.ts';
import { listActionsOf } from './repository.ts';

/**
 * What the new-action form needs: suggestions fitted to the latest result, the chosen one to
 * fill the form with, how many places are free, and a fresh key against double submits. The
 * ideas are those of the open action step of the person's program, else the built-in program's
 * (decision 0038).
 */
export async function prepareNewAction(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; suggestionId?: string | null; previousId?: string | null }
): Promise<{
	lean: Lean;
	intro: string;
	/** The program step the ideas come from; null for the built-in program's. */
	from: IdeasNow['from'];
	suggestions: SuggestionData[];
	chosen: SuggestionData | null;
	/** The idea the form held before `chosen` ("Use this idea" twice), when asked. */
	previous: SuggestionData | null;
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
	const ideas = ideasNow(await openStepOf(ctx, input.actor));
	return {
		lean,
		intro: ideas.from?.intro ?? LEAN_INTROS[lean],
		from: ideas.from,
		suggestions: pickSuggestions(ideas.suggestions, lean, todayFor(ctx.now()), inUse),
		chosen: ideas.suggestions.find((s) => s.id === input.suggestionId) ?? null,
		previous: ideas.suggestions.find((s) => s.id === input.previousId) ?? null,
		openCount: open.length,
		limit: MAX_OPEN_ACTIONS,
		key: randomUUID()
	};
}
