import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { revokeFeedsOf } from './repository.ts';

/** Turns the person's calendar link off; calendars using it stop updating. Twice is fine. */
export async function revokeCalendarFeed(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor }
): Promise<{ revoked: boolean }> {
	const userId = input.actor.userId;
	if (!can(input.actor, 'action.write', { ownerId: userId }))
		throw new DomainError('forbidden', 'You cannot change a calendar link here.');
	const count = await revokeFeedsOf(ctx.db, userId, ctx.now().toISOString());
	return { revoked: count > 0 };
}
