import { DomainError } from '../../domain/errors.ts';
import { requireRecentAuth } from '../auth/reauthenticate.ts';
import type { SignedIn } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { deleteSessionOfUser, deleteSessionsOfUser, listSessionsOfUser } from './repository.ts';
import { sessionId } from './list-sessions.ts';
import { recordSecurityEvent } from '../security-log/security-log.ts';

export const CURRENT_SESSION =
	'That is the device you are using now: to end it, use "Sign out" in the menu.';
export const SESSION_GONE = 'That device is signed out already.';

type Ctx = Pick<AppContext, 'db' | 'now' | 'log'>;

/** Ends one other session of the signed-in person (after recent re-authentication). */
export async function endOtherSession(
	ctx: Ctx,
	input: { signedIn: SignedIn; sessionId: string }
): Promise<{ device: string | null }> {
	requireRecentAuth(ctx, input.signedIn);
	const userId = input.signedIn.user.id;
	const mine = await listSessionsOfUser(ctx.db, userId);
	const found = mine.find((s) => sessionId(s.token_hash) === input.sessionId);
	if (found?.token_hash === input.signedIn.tokenHash)
		throw new DomainError('conflict', CURRENT_SESSION);
	if (!found || !(await deleteSessionOfUser(ctx.db, userId, found.token_hash)))
		throw new DomainError('not_found', SESSION_GONE);
	// The device in the log is the one that was signed out.
	await recordSecurityEvent(ctx, { userId, kind: 'session-ended', userAgent: found.user_agent });
	return { device: found.user_agent };
}

/** Ends every session of the person but this one; answers how many ended. */
export async function endAllOtherSessions(
	ctx: Ctx,
	input: { signedIn: SignedIn }
): Promise<{ ended: number }> {
	requireRecentAuth(ctx, input.signedIn);
	const userId = input.signedIn.user.id;
	const before = (await listSessionsOfUser(ctx.db, userId)).length;
	await deleteSessionsOfUser(ctx.db, userId, input.signedIn.tokenHash);
	await recordSecurityEvent(ctx, { userId, kind: 'sessions-ended' });
	return { ended: Math.max(0, before - 1) };
}
