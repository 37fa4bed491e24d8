import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import { clearAttempts, recordAttempt, takeAttempt } from '../rate-limit/rate-limit.ts';
import { verifyAgainstDummy, verifyPassword } from '../security/password-hash.ts';
import { findUserByEmail, normaliseEmail } from '../users/repository.ts';
import { hasSecondFactor, startPendingSignIn } from '../two-factor/pending-sign-in.ts';
import { createSession } from './sessions.ts';
import { recordSecurityEvent } from '../security-log/security-log.ts';
import { lastSecurityEventAt } from '../security-log/repository.ts';
import { rateLimits } from '../../domain/rate-limits.ts';

export const WRONG_CREDENTIALS =
	'That email and password do not match an account. Check both and try again.';
export const UNCONFIRMED =
	'Please confirm your email address first: open the link we sent you. No email? Use "Forgot your password?" to get a new link.';

export async function logIn(
	ctx: AppContext,
	input: { email: string; password: string; address: string; userAgent?: string | null }
): Promise<{ token: string; expiresAt: Date; userId: string; secondStep?: true }> {
	const email = normaliseEmail(input.email);
	const here = `${email} ${input.address}`;
	// The lock a person meets is per account and address; failed guesses from anywhere also count
	// toward a higher ceiling per account, recorded only when they fail (docs/decisions/0025).
	// The ceiling per address counts failures only too: an office behind one address signs in
	// dozens of times on a Monday morning, and right passwords are no attack.
	try {
		await takeAttempt(ctx, [
			{ name: 'login:account-address', key: here },
			{ name: 'login:address', key: input.address, record: false },
			{ name: 'login:account', key: email, record: false }
		]);
	} catch (err) {
		if (err instanceof DomainError && err.code === 'rate_limited')
			await noteLockout(ctx, email, input.userAgent ?? null);
		throw err;
	}
	const wrong = async () => {
		await recordAttempt(ctx, 'login:account', email);
		await recordAttempt(ctx, 'login:address', input.address);
		return new DomainError('unauthenticated', WRONG_CREDENTIALS);
	};
	const user = await findUserByEmail(ctx.db, email);
	const device = { userAgent: input.userAgent ?? null };
	if (!user) {
		await verifyAgainstDummy(input.password);
		throw await wrong();
	}
	if (!(await verifyPassword(user.password_hash, input.password))) {
		await recordSecurityEvent(ctx, { userId: user.id, kind: 'sign-in-failed', ...device });
		throw await wrong();
	}
	if (!user.email_verified_at) throw new DomainError('forbidden', UNCONFIRMED);
	await clearAttempts(ctx, 'login:account-address', here);
	// With a second factor, the password earns only a pending sign-in, never a session (0030).
	if (await hasSecondFactor(ctx, user.id))
		return { ...(await startPendingSignIn(ctx, user.id)), userId: user.id, secondStep: true };
	const session = await createSession(ctx, user.id, input);
	await recordSecurityEvent(ctx, { userId: user.id, kind: 'sign-in', ...device });
	return { ...session, userId: user.id };
}

/**
 * A refused sign-in of an existing account is a lockout in its security log (and its practices'
 * logs when it is staff): once per lockout window, so a stream of refused tries adds one line.
 */
async function noteLockout(ctx: AppContext, email: string, userAgent: string | null) {
	const user = await findUserByEmail(ctx.db, email);
	if (!user) return;
	const last = await lastSecurityEventAt(ctx.db, user.id, 'locked-out');
	const windowStart = ctx.now().getTime() - rateLimits['login:account-address'].windowMs;
	if (last && new Date(last).getTime() > windowStart) return;
	await recordSecurityEvent(ctx, { userId: user.id, kind: 'locked-out', userAgent });
}
