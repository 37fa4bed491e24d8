import { DomainError } from '../../domain/errors.ts';
import { passwordProblem } from '../../domain/passwords.ts';
import type { AppContext } from '../context.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { passwordChangedEmail } from '../mail/templates.ts';
import { hashPassword } from '../security/password-hash.ts';
import { clearSignInAttempts } from '../rate-limit/rate-limit.ts';
import { storeNewPassword } from './store-new-password.ts';
import { recordSecurityEvent } from '../security-log/security-log.ts';
import { consumeEmailToken, peekEmailToken, usedLinkError } from './email-tokens.ts';

/**
 * Sets a new password from an emailed link. It signs out every session and turns off the other
 * reset links and the calendar feed (the old password may be known to someone else); since the
 * link proves the address, it confirms that too and lifts any sign-in lock on the account.
 */
export async function resetPassword(
	ctx: AppContext,
	input: { token: string; password: string }
): Promise<void> {
	const user = await peekEmailToken(ctx, input.token, 'reset-password');
	const problem = passwordProblem(input.password, { email: user.email });
	if (problem) throw new DomainError('invalid_input', problem, { fields: { password: problem } });
	const passwordHash = await hashPassword(input.password);
	if (!(await consumeEmailToken(ctx, input.token))) throw usedLinkError();
	await storeNewPassword(ctx, { userId: user.id, passwordHash, verified: true });
	await clearSignInAttempts(ctx, user.email);
	await enqueueJob(ctx, 'email', passwordChangedEmail(user.email, user.name));
	ctx.log.info({ userId: user.id }, 'password reset');
	await recordSecurityEvent(ctx, { userId: user.id, kind: 'password-changed' });
}
