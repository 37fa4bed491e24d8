import type { AppContext } from '../context.ts';
import { revokeFeedsOf } from '../calendar/repository.ts';
import { deleteSessionsOfUser } from '../sessions/repository.ts';
import { updatePasswordHash } from '../users/repository.ts';
import { markEmailVerified, spendOpenEmailTokens } from './repository.ts';

/**
 * Saves a new password and, in the same transaction, ends everything the old one may have let
 * someone else open: every session, every open reset link, and the private calendar feed (its
 * link could have been copied by whoever knew the password). `verified`: the change came through
 * an emailed link, which proves the address too.
 */
export async function storeNewPassword(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { userId: string; passwordHash: string; verified: boolean }
): Promise<void> {
	const at = ctx.now().toISOString();
	await ctx.db.transaction().execute(async (trx) => {
		await updatePasswordHash(trx, input.userId, input.passwordHash, at);
		if (input.verified) await markEmailVerified(trx, input.userId, at);
		await deleteSessionsOfUser(trx, input.userId);
		await spendOpenEmailTokens(trx, input.userId, 'reset-password', at);
		await revokeFeedsOf(trx, input.userId, at);
	});
}
