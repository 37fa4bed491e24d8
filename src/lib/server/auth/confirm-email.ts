import type { AppContext } from '../context.ts';
import { consumeEmailToken, peekEmailToken, usedLinkError } from './email-tokens.ts';
import { markEmailVerified } from './repository.ts';
import { createSession } from './sessions.ts';

/** Confirms the address from the emailed link and signs the person in. */
export async function confirmEmailAddress(
	ctx: AppContext,
	token: string
): Promise<{ token: string; expiresAt: Date }> {
	const user = await peekEmailToken(ctx, token, 'confirm-email');
	if (!(await consumeEmailToken(ctx, token))) throw usedLinkError();
	await markEmailVerified(ctx.db, user.id, ctx.now().toISOString());
	return createSession(ctx, user.id);
}
