import { requirePasswordTyped } from '../../domain/passwords.ts';
import { DomainError } from '../../domain/errors.ts';
import { isRecentlyAuthenticated } from '../../domain/reauth.ts';
import type { AppContext } from '../context.ts';
import { clearAttempts, takeAttempt } from '../rate-limit/rate-limit.ts';
import { verifyPassword } from '../security/password-hash.ts';
import { markSessionReauthenticated } from '../sessions/repository.ts';
import { findUserById } from '../users/repository.ts';
import type { SignedIn } from './sessions.ts';

export const REAUTH_NEEDED =
	'For your safety, please confirm it is you: it has been more than 10 minutes since you last typed your password.';

/** A sensitive change asked for too long after the last password or passkey (decision 0031). */
export class ReauthenticationNeeded extends DomainError {
	constructor() {
		super('unauthenticated', REAUTH_NEEDED);
	}
}

/** Refuses unless this session proved the person within the last 10 minutes. */
export function requireRecentAuth(ctx: Pick<AppContext, 'now'>, signedIn: SignedIn): void {
	if (!isRecentlyAuthenticated(signedIn.reauthenticatedAt, ctx.now()))
		throw new ReauthenticationNeeded();
}

/** The session proved the person again (a right password or passkey): the window starts now. */
export async function noteReauthenticated(
	ctx: Pick<AppContext, 'db' | 'now'>,
	signedIn: SignedIn
): Promise<void> {
	const at = ctx.now().toISOString();
	await markSessionReauthenticated(ctx.db, signedIn.tokenHash, at);
	signedIn.reauthenticatedAt = at;
}

export const NOT_YOUR_PASSWORD = 'That is not your current password.';

/**
 * Checks the password of the signed-in person, counted against the same 5-in-15-minutes limit
 * as changing it (someone at an open laptop could guess here instead). A right one also counts
 * as re-authentication.
 */
export async function checkOwnPassword(
	ctx: AppContext,
	signedIn: SignedIn,
	password: string,
	field = 'password'
): Promise<void> {
	const userId = signedIn.user.id;
	requirePasswordTyped(password, field);
	await takeAttempt(ctx, [{ name: 'password:user', key: userId }]);
	const user = await findUserById(ctx.db, userId);
	if (!user || !(await verifyPassword(user.password_hash, password)))
		throw new DomainError('invalid_input', NOT_YOUR_PASSWORD, {
			fields: { [field]: NOT_YOUR_PASSWORD }
		});
	await clearAttempts(ctx, 'password:user', userId);
	await noteReauthenticated(ctx, signedIn);
}
