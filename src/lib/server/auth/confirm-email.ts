import { requirePasswordTyped } from '../../domain/passwords.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import { clearAttempts, takeAttempt } from '../rate-limit/rate-limit.ts';
import { verifyPassword } from '../security/password-hash.ts';
import { consumeEmailToken, peekEmailToken, usedLinkError } from './email-tokens.ts';
import { markEmailVerified } from './repository.ts';
import { createSession } from './sessions.ts';

export const NOT_THE_SIGN_UP_PASSWORD =
	'That is not the password this account was made with. If you did not sign up yourself, someone else used your address: choose your own password with a reset link instead.';

/**
 * Confirms the address from the emailed link and signs the person in, once they type the
 * password the account was made with. The link alone proves the mailbox, not that its owner made
 * the account: without the password check, anyone could sign up with a stranger's address and
 * sign in with their own password once the stranger clicked (docs/decisions/0025). An owner who
 * did not make it sets their own password through a reset link, which confirms the address too.
 */
export async function confirmEmailAddress(
	ctx: AppContext,
	input: { token: string; password: string; userAgent?: string | null }
): Promise<{ token: string; expiresAt: Date; userId: string }> {
	const user = await peekEmailToken(ctx, input.token, 'confirm-email');
	requirePasswordTyped(input.password);
	await takeAttempt(ctx, [{ name: 'password:user', key: user.id }]);
	if (!(await verifyPassword(user.password_hash, input.password))) {
		throw new DomainError('invalid_input', NOT_THE_SIGN_UP_PASSWORD, {
			fields: { password: NOT_THE_SIGN_UP_PASSWORD }
		});
	}
	if (!(await consumeEmailToken(ctx, input.token))) throw usedLinkError();
	await markEmailVerified(ctx.db, user.id, ctx.now().toISOString());
	await clearAttempts(ctx, 'password:user', user.id);
	return { ...(await createSession(ctx, user.id, input)), userId: user.id };
}
