import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { findLiveFeedOf } from './repository.ts';

/** Whether the person has a live calendar link, and since when. The link itself is not kept. */
export async function getCalendarFeed(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor }
): Promise<{ createdAt: string } | null> {
	const userId = input.actor.userId;
	if (!can(input.actor, 'action.read', { ownerId: userId }))
		throw new DomainError('forbidden', 'You cannot see this.');
	const feed = await findLiveFeedOf(ctx.db, userId);
	return feed ? { createdAt: feed.created_at } : null;
}
