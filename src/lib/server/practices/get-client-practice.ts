import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { findClientMembership } from './repository.ts';

/** The practice the actor is a client of, with their coach's name, or null when self-guided. */
export async function getClientPractice(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor }
): Promise<{ practiceName: string; coachName: string | null } | null> {
	const membership = await findClientMembership(ctx.db, input.actor.userId);
	return membership
		? { practiceName: membership.practiceName, coachName: membership.coachName }
		: null;
}
