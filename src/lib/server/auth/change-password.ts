import { DomainError } from '../../domain/errors.ts';
import { passwordProblem } from '../../domain/passwords.ts';
import type { AppContext } from '../context.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { passwordChangedEmail } from '../mail/templates.ts';
import { hashPassword, verifyPassword } from '../security/password-hash.ts';
import { findUserById } from '../users/repository.ts';
import { storeNewPassword } from './store-new-password.ts';
import { clearAttempts, takeAttempt } from '../rate-limit/rate-limit.ts';
import { createSession } from './sessions.ts';
import { recordSecurityEvent } from '../security-log/security-log.ts';

/** Changes the password, ends every session, reset link and calendar feed of the account, and returns a fresh one for this device. */
export async function changePassword(
	ctx: AppContext,
	input: { userId: string; current: string; password: string; userAgent?: string | null }
): Promise<{ token: string; expiresAt: Date }> {
	const user = await findUserById(ctx.db, input.userId);
	if (!user) throw new DomainError('unauthenticated', 'Please sign in again.');
	// Someone at an open laptop could guess the current password here instead of at sign-in.
	await takeAttempt(ctx, [{ name: 'password:user', key: user.id }]);
	if (!(await verifyPassword(user.password_hash, input.current))) {
		const message = 'That is not your current password.';
		throw new DomainError('invalid_input', message, { fields: { current: message } });
	}
	const problem = passwordProblem(input.password, { email: user.email });
	if (problem) throw new DomainError('invalid_input', problem, { fields: { password: problem } });
	const passwordHash = await hashPassword(input.password);
	await clearAttempts(ctx, 'password:user', user.id);
	await storeNewPassword(ctx, { userId: user.id, passwordHash, verified: false });
	await enqueueJob(ctx, 'email', passwordChangedEmail(user.email, user.name));
	const userAgent = input.userAgent ?? null;
	await recordSecurityEvent(ctx, { userId: user.id, kind: 'password-changed', userAgent });
	return createSession(ctx, user.id, input);
}
