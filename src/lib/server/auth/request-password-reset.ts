import type { AppContext } from '../context.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { passwordResetEmail } from '../mail/templates.ts';
import { takeAttempt } from '../rate-limit/rate-limit.ts';
import { findUserByEmail, normaliseEmail } from '../users/repository.ts';
import { issueEmailToken } from './email-tokens.ts';

/**
 * Emails a reset link when the address has an account. The caller shows the same answer in
 * every case, and the email goes out through the jobs table, so response time tells nothing.
 */
export async function requestPasswordReset(
	ctx: AppContext,
	input: { email: string; address: string; baseUrl: string }
): Promise<void> {
	const email = normaliseEmail(input.email);
	await takeAttempt(ctx, [
		{ name: 'reset:account', key: email },
		{ name: 'reset:address', key: input.address }
	]);
	const user = await findUserByEmail(ctx.db, email);
	if (!user) return;
	const token = await issueEmailToken(ctx, user.id, 'reset-password');
	await enqueueJob(
		ctx,
		'email',
		passwordResetEmail(email, user.name, `${input.baseUrl}/reset-password/${token}`)
	);
}
