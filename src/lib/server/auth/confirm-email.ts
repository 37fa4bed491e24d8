import type { AppContext } from '../context.ts';
import { consumeEmailToken, peekEmailToken, usedLinkError } from './email-tokens.ts';
import { createSession } from './sessions.ts';

/** Confirms the address from the emailed link and signs the person in. */
export async function confirmEmailAddress(
	ctx: AppContext,
	token: string
): Promise<{ token: string; expiresAt: Date }> {
	const user = await peekEmailToken(ctx, token, 'confirm-email');
	if (!(await consumeEmailToken(ctx, token))) throw usedLinkError();
	await ctx.db
		.updateTable('users')
		.set({ email_verified_at: ctx.now().toISOString() })
		.where('id', '=', user.id)
		.where('email_verified_at', 'is', null)
		.execute();
	return createSession(ctx, user.id);
}
