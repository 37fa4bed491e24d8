import { createSession } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { admit } from './admit.ts';
import { prepareInvitedAccount } from './invited-account.ts';
import { openInvitation } from './open-invitation.ts';

/**
 * Accepts an invitation by creating the account it was sent for. The address counts as
 * confirmed (the link arrived there), so the new member is signed in straight away.
 */
export async function acceptInvitation(
	ctx: Pick<AppContext, 'db' | 'now' | 'log' | 'dialect'>,
	input: {
		token: string;
		values: Record<string, string>;
		address: string;
		userAgent?: string | null;
	}
): Promise<{ userId: string; token: string; expiresAt: Date }> {
	const invitation = await openInvitation(ctx, input.token);
	const { row } = invitation;
	const { userId, create } = await prepareInvitedAccount(ctx, {
		email: row.email,
		kind: row.role,
		values: input.values,
		address: input.address
	});
	await admit(ctx, invitation, userId, create);
	ctx.log.info({ userId, practiceId: row.practice_id }, 'invitation accepted');
	return { userId, ...(await createSession(ctx, userId, input)) };
}
