import { DomainError } from '../../domain/errors.ts';
import { passwordProblem } from '../../domain/passwords.ts';
import type { AppContext } from '../context.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { passwordChangedEmail } from '../mail/templates.ts';
import { hashPassword } from '../security/password-hash.ts';
import { deleteSessionsOfUser } from '../sessions/repository.ts';
import { updatePasswordHash } from '../users/repository.ts';
import { clearSignInAttempts } from '../rate-limit/rate-limit.ts';
import { consumeEmailToken, peekEmailToken, usedLinkError } from './email-tokens.ts';

/**
 * Sets a new password from an emailed link. It signs out every session (the old password may be
 * known to someone else) and, since the link proves the address, confirms it too.
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
	const at = ctx.now().toISOString();
	await ctx.db.transaction().execute(async (trx) => {
		await updatePasswordHash(trx, user.id, passwordHash, at);
		await trx
			.updateTable('users')
			.set({ email_verified_at: at })
			.where('id', '=', user.id)
			.where('email_verified_at', 'is', null)
			.execute();
		await deleteSessionsOfUser(trx, user.id);
	});
	await clearSignInAttempts(ctx, user.email);
	await enqueueJob(ctx, 'email', passwordChangedEmail(user.email, user.name));
	ctx.log.info({ userId: user.id }, 'password reset');
}
