import { DomainError } from '../../domain/errors.ts';
import { PENDING_SIGN_IN_MS } from '../../domain/two-factor.ts';
import { createSession } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { hashToken, newToken } from '../security/tokens.ts';
import { limitCodeCheck } from './attempts.ts';
import { recordSecurityEvent } from '../security-log/security-log.ts';
import { acceptSecondFactor } from './codes.ts';
import {
	deleteExpiredPendingSignIns,
	deletePendingSignIn,
	findPendingSignIn,
	findTotpFactor,
	insertPendingSignIn
} from './repository.ts';

export const PENDING_EXPIRED =
	'Your sign-in waited too long for the second step (5 minutes). Please sign in again.';

/** Does this person sign in with a second step? */
export async function hasSecondFactor(
	ctx: Pick<AppContext, 'db'>,
	userId: string
): Promise<boolean> {
	return !!(await findTotpFactor(ctx.db, userId))?.enabled_at;
}

/**
 * After a right password, for a person with a second factor: a short-lived token that only lets
 * them try the second step. It is not a session and opens no page.
 */
export async function startPendingSignIn(
	ctx: Pick<AppContext, 'db' | 'now'>,
	userId: string
): Promise<{ token: string; expiresAt: Date }> {
	const now = ctx.now();
	await deleteExpiredPendingSignIns(ctx.db, now.toISOString());
	const { token, hash } = newToken();
	const expiresAt = new Date(now.getTime() + PENDING_SIGN_IN_MS);
	await insertPendingSignIn(ctx.db, {
		tokenHash: hash,
		userId,
		createdAt: now.toISOString(),
		expiresAt: expiresAt.toISOString()
	});
	return { token, expiresAt };
}

async function pendingUser(ctx: Pick<AppContext, 'db' | 'now'>, token: string | undefined) {
	const found =
		token && token.length <= 100 ? await findPendingSignIn(ctx.db, hashToken(token)) : undefined;
	if (!found || new Date(found.expiresAt).getTime() <= ctx.now().getTime())
		throw new DomainError('gone', PENDING_EXPIRED);
	return found.userId;
}

/** Whether the second-step page has a live sign-in to finish (else it sends the person back). */
export async function isPendingSignInLive(
	ctx: Pick<AppContext, 'db' | 'now'>,
	token: string | undefined
): Promise<boolean> {
	return pendingUser(ctx, token).then(
		() => true,
		() => false
	);
}

/**
 * The second step: a right app code or unused recovery code ends the pending state and starts a
 * real session (a new id, as at every sign-in). Anything else refuses and starts nothing.
 */
export async function completeSignIn(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey' | 'log' | 'dialect'>,
	input: { token: string | undefined; code: string; address: string; userAgent?: string | null }
): Promise<{ token: string; expiresAt: Date; userId: string }> {
	const userId = await pendingUser(ctx, input.token);
	const device = { userAgent: input.userAgent ?? null };
	await limitCodeCheck(ctx, { userId, address: input.address }, async () => {
		try {
			await acceptSecondFactor(ctx, userId, input.code);
		} catch (err) {
			await recordSecurityEvent(ctx, { userId, kind: 'second-step-failed', ...device });
			throw err;
		}
	});
	if (!(await deletePendingSignIn(ctx.db, hashToken(input.token!))))
		throw new DomainError('gone', PENDING_EXPIRED);
	const session = await createSession(ctx, userId, input);
	await recordSecurityEvent(ctx, { userId, kind: 'sign-in', ...device });
	return { ...session, userId };
}
