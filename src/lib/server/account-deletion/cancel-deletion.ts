import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { recordSecurityEvent } from '../security-log/security-log.ts';
import { deleteDeletion, findDeletion } from './repository.ts';

/** The day the account will be deleted, while it waits; null when nothing is waiting. */
export async function findPendingDeletion(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor }
): Promise<{ deleteAfter: string } | null> {
	return (await findDeletion(ctx.db, input.actor.userId)) ?? null;
}

/** Undo during the grace period: the account stays, and the waiting job finds nothing to do. */
export async function cancelDeletion(
	ctx: Pick<AppContext, 'db' | 'log' | 'now'>,
	input: { actor: Actor }
): Promise<boolean> {
	const cancelled = await deleteDeletion(ctx.db, input.actor.userId);
	if (cancelled) {
		ctx.log.info({ userId: input.actor.userId }, 'account deletion undone');
		await recordSecurityEvent(ctx, { userId: input.actor.userId, kind: 'deletion-cancelled' });
	}
	return cancelled;
}
