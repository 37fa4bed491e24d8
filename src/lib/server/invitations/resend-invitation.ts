import { DomainError } from '../../domain/errors.ts';
import { INVITATION_LIFETIME_MS } from '../../domain/invitations.ts';
import type { Actor } from '../../domain/policies.ts';
import { formatLongDate } from '../../format.ts';
import type { AppContext } from '../context.ts';
import { takeAttempt } from '../rate-limit/rate-limit.ts';
import { newToken } from '../security/tokens.ts';
import { findPractice } from '../practices/repository.ts';
import { invitationFor, refuseExistingMember } from './access.ts';
import { queueInvitationEmail } from './queue-invitation-email.ts';
import { rotateInvitationToken, type InvitationRow } from './repository.ts';

export function refuseSettled(row: InvitationRow, doing: 'resend' | 'revoke'): void {
	if (row.accepted_at)
		throw new DomainError(
			'conflict',
			`${row.name} accepted this invitation on ${formatLongDate(row.accepted_at)}, so there is nothing to ${doing}.`
		);
	if (row.revoked_at)
		throw new DomainError(
			'conflict',
			doing === 'resend'
				? `This invitation was revoked on ${formatLongDate(row.revoked_at)}. To invite ${row.name} after all, send a new invitation.`
				: 'This invitation is already revoked.'
		);
}

/**
 * Sends the invitation again with a new link and a fresh 14 days; the link sent before stops
 * working at once. Works for an expired invitation too: that is what it is for.
 */
export async function resendInvitation(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey' | 'dialect'>,
	input: { actor: Actor; invitationId: string; baseUrl: string }
): Promise<{ email: string; expiresAt: string }> {
	const row = await invitationFor(ctx, input.actor, input.invitationId);
	refuseSettled(row, 'resend');
	const practice = await findPractice(ctx.db, row.practice_id);
	if (!practice) throw new DomainError('not_found', 'There is no such practice.');
	await refuseExistingMember(ctx, practice, row.email);
	await takeAttempt(ctx, [
		{ name: 'invite:sender', key: input.actor.userId },
		{ name: 'invite:email', key: `${practice.id}:${row.email}` }
	]);
	const now = ctx.now();
	const { token, hash } = newToken();
	const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS).toISOString();
	const changed = await rotateInvitationToken(ctx.db, row.id, {
		tokenHash: hash,
		at: now.toISOString(),
		expiresAt
	});
	if (!changed) refuseSettled(await invitationFor(ctx, input.actor, row.id), 'resend');
	await queueInvitationEmail(ctx, { ...row, expires_at: expiresAt }, token, input.baseUrl);
	return { email: row.email, expiresAt };
}
