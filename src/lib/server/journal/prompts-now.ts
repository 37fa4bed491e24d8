import { DomainError } from '../../domain/errors.ts';
import { leanFor } from '../../domain/lean.ts';
import type { Actor } from '../../domain/policies.ts';
import {
	journalPrompts,
	reflectionsNow,
	writablePrompt
} from '../../domain/programs/content-now.ts';
import { differsByLean } from '../../domain/programs/prompts.ts';
import { listAssessmentHistory } from '../assessments/list-assessment-history.ts';
import type { AppContext } from '../context.ts';
import { openStepOf } from '../programs/open-step.ts';

type Ctx = Pick<AppContext, 'db' | 'now'>;
type Side = 'independent' | 'dependent';

/**
 * The journal's steps for this person now (decision 0038): their program's open reflection step,
 * or the built-in program's five. A step whose prompts differ by lean shows the side of their
 * latest result; near the midpoint, or without a result, the side they pick (`picked`).
 */
export async function journalStepsNow(ctx: Ctx, input: { actor: Actor; picked?: string | null }) {
	const history = await listAssessmentHistory(ctx, {
		actor: input.actor,
		userId: input.actor.userId
	});
	const latest = history.entries.at(-1)?.score ?? null;
	const lean = leanFor(latest?.position, latest?.pulledBothWays);
	const suggested: Side | 'choose' = lean === 'mixed' ? 'choose' : lean;
	const picked =
		input.picked === 'independent' || input.picked === 'dependent' ? input.picked : null;
	const side: Side | null = picked ?? (suggested === 'choose' ? null : suggested);
	const now = reflectionsNow(await openStepOf(ctx, input.actor));
	return {
		latestPosition: latest?.position ?? null,
		suggested,
		variant: side,
		from: now.from,
		steps: now.steps.map(({ number, step }) => ({
			id: step.id,
			number,
			title: step.title,
			intro: step.intro,
			byLean: differsByLean(step),
			prompts: journalPrompts(step, side).map(({ id, text }) => ({ id, text }))
		}))
	};
}

/** The prompt a new entry answers, if it is one offered to this person now. */
export async function promptToWrite(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; step: string; promptId: string }
) {
	const now = reflectionsNow(await openStepOf(ctx, input.actor));
	const found = writablePrompt(now, input.step, input.promptId);
	if (!found)
		throw new DomainError(
			'not_found',
			'That reflection prompt is not one offered to you now. Choose one from your journal.'
		);
	return found.answered;
}

/** Shown over a refused new entry whose prompt closed while it was written, so its text stays. */
export const promptNoLongerOffered = {
	heading: 'Your journal',
	stepTitle: 'Your journal',
	text: 'This prompt is no longer offered to you. Copy your text, then choose a prompt from your journal.',
	hint: ''
};
