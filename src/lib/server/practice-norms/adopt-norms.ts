import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { blockedReason, poolPracticeNorms } from './norms-view.ts';
import { replaceNormsInForce, retireNormsInForce } from './repository.ts';

function mustManage(actor: Actor, practiceId: string): void {
	if (!can(actor, 'practice.norms.adopt', { practiceId })) {
		throw new DomainError('forbidden', 'Only the practice admin can change which norms are used.');
	}
}

/**
 * Puts norms from the practice's clean results in force for results finished from now on.
 * Results already finished keep the norms they were scored with (decision 0009).
 */
export async function adoptPracticeNorms(
	ctx: Pick<AppContext, 'db' | 'now' | 'log'>,
	input: { actor: Actor; practiceId: string }
): Promise<{ respondents: number }> {
	mustManage(input.actor, input.practiceId);
	const pooled = await poolPracticeNorms(ctx, input.practiceId);
	if (pooled.status !== 'pooled') {
		throw new DomainError(
			'invalid_input',
			`${blockedReason(pooled)} Nothing was changed: results still use the norms they used before.`
		);
	}
	await replaceNormsInForce(ctx.db, {
		id: randomUUID(),
		practice_id: input.practiceId,
		respondents: pooled.n,
		figures: pooled.figures,
		adopted_by: input.actor.userId,
		adopted_at: ctx.now().toISOString()
	});
	ctx.log.info(
		{ practiceId: input.practiceId, userId: input.actor.userId, respondents: pooled.n },
		'practice norms adopted'
	);
	return { respondents: pooled.n };
}

/** Back to the built-in norms for results finished from now on. */
export async function useBuiltInNorms(
	ctx: Pick<AppContext, 'db' | 'now' | 'log'>,
	input: { actor: Actor; practiceId: string }
): Promise<void> {
	mustManage(input.actor, input.practiceId);
	const changed = await retireNormsInForce(ctx.db, input.practiceId, ctx.now().toISOString());
	if (!changed) {
		throw new DomainError('invalid_input', 'Your practice already uses the built-in norms.');
	}
	ctx.log.info({ practiceId: input.practiceId, userId: input.actor.userId }, 'built-in norms back');
}
