import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import {
	findPractice,
	findSecondFactorRequirement,
	saveSecondFactorRequirement
} from '../practices/repository.ts';
import { isMissingRequiredSecondFactor } from './repository.ts';
import { recordSecurityEvent } from '../security-log/security-log.ts';

const isStaff = (actor: Actor) =>
	Object.values(actor.practices).some(
		(roles) => roles.includes('coach') || roles.includes('admin')
	);

/**
 * True when a practice of this person (as coach or admin) requires a second factor and they
 * have none on: every page then sends them to set one up first. Clients never pay the query.
 */
export async function mustSetUpSecondFactor(
	ctx: Pick<AppContext, 'db'>,
	actor: Actor
): Promise<boolean> {
	if (!isStaff(actor)) return false;
	return isMissingRequiredSecondFactor(ctx.db, actor.userId);
}

export async function getSecondFactorRequirement(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor; practiceId: string }
): Promise<boolean> {
	if (!can(input.actor, 'practice.update', { practiceId: input.practiceId }))
		throw new DomainError('forbidden', 'Only an admin of this practice can see its settings.');
	return (await findSecondFactorRequirement(ctx.db, input.practiceId)) !== null;
}

export async function setSecondFactorRequirement(
	ctx: Pick<AppContext, 'db' | 'now' | 'log'>,
	input: { actor: Actor; practiceId: string; required: boolean }
): Promise<void> {
	if (!can(input.actor, 'practice.update', { practiceId: input.practiceId }))
		throw new DomainError('forbidden', 'Only an admin of this practice can change this.');
	if (!(await findPractice(ctx.db, input.practiceId)))
		throw new DomainError('not_found', 'This practice does not exist.');
	const at = input.required ? ctx.now().toISOString() : null;
	const before = (await findSecondFactorRequirement(ctx.db, input.practiceId)) !== null;
	await saveSecondFactorRequirement(ctx.db, input.practiceId, at);
	// On the practice's log, when the rule really changes (a save that keeps it is no event).
	if (before !== input.required)
		await recordSecurityEvent(ctx, {
			userId: input.actor.userId,
			kind: input.required ? 'staff-two-factor-required' : 'staff-two-factor-optional',
			practiceId: input.practiceId,
			actorId: input.actor.userId
		});
}
