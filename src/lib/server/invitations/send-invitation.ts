import { recordSecurityEvent } from '../security-log/security-log.ts';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { INVITATION_LIFETIME_MS, invitationSchema } from '../../domain/invitations.ts';
import { can, type Actor } from '../../domain/policies.ts';
import { fieldErrors } from '../../domain/schemas/field-errors.ts';
import { formatLongDate } from '../../format.ts';
import type { AppContext } from '../context.ts';
import { takeAttempt } from '../rate-limit/rate-limit.ts';
import { newToken } from '../security/tokens.ts';
import { findPractice } from '../practices/repository.ts';
import { normaliseEmail } from '../users/repository.ts';
import { refuseExistingMember } from './access.ts';
import { queueInvitationEmail } from './queue-invitation-email.ts';
import { findOpenInvitation, insertInvitation } from './repository.ts';

/**
 * Invites a client (by their coach, who becomes their coach) or a coach (by an admin) by email.
 * Whether the address already has an account elsewhere is never revealed: the invitation goes
 * out the same way, and the accept page sorts it out with the person themselves.
 */
export async function sendInvitation(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey' | 'dialect' | 'log'>,
	input: { actor: Actor; practiceId: string; values: Record<string, string>; baseUrl: string }
): Promise<{ id: string; name: string; email: string; expiresAt: string }> {
	const resource = { practiceId: input.practiceId };
	if (!can(input.actor, 'practice.view', resource))
		throw new DomainError('not_found', 'There is no such practice, or you are not part of it.');
	const parsed = invitationSchema.safeParse(input.values);
	if (!parsed.success)
		throw new DomainError('invalid_input', 'Please check the highlighted fields.', {
			fields: fieldErrors(parsed.error)
		});
	const { role, name } = parsed.data;
	if (role === 'coach' && !can(input.actor, 'practice.invite-coach', resource))
		throw new DomainError('forbidden', 'Only an admin of this practice can invite coaches.');
	if (role === 'client' && !can(input.actor, 'practice.invite-client', resource))
		throw new DomainError(
			'forbidden',
			'Only coaches invite clients: the person you invite will work with you as their coach.'
		);
	const practice = await findPractice(ctx.db, input.practiceId);
	if (!practice) throw new DomainError('not_found', 'There is no such practice.');

	const email = normaliseEmail(parsed.data.email);
	const now = ctx.now();
	await refuseExistingMember(ctx, practice, email);
	const open = await findOpenInvitation(ctx.db, practice.id, email, now.toISOString());
	if (open) {
		const who = open.invited_by === input.actor.userId ? 'You' : open.inviterName;
		const manage = can(input.actor, 'invitation.manage', {
			practiceId: practice.id,
			ownerId: open.invited_by
		});
		const next = manage
			? 'Use Resend in the list below to send the link again.'
			: `${open.inviterName} or an admin of the practice can send the link again.`;
		const message = `${who} invited this address on ${formatLongDate(open.last_sent_at)}, and that invitation is still open. ${next}`;
		throw new DomainError('invalid_input', message, { fields: { email: message } });
	}
	await takeAttempt(ctx, [
		{ name: 'invite:sender', key: input.actor.userId },
		{ name: 'invite:email', key: `${practice.id}:${email}` }
	]);

	const { token, hash } = newToken();
	const at = now.toISOString();
	const row = {
		id: randomUUID(),
		practice_id: practice.id,
		role,
		coach_id: role === 'client' ? input.actor.userId : null,
		invited_by: input.actor.userId,
		email,
		name,
		token_hash: hash,
		created_at: at,
		expires_at: new Date(now.getTime() + INVITATION_LIFETIME_MS).toISOString(),
		last_sent_at: at,
		send_count: 1,
		accepted_at: null,
		accepted_by: null,
		revoked_at: null
	};
	await insertInvitation(ctx.db, row);
	await queueInvitationEmail(ctx, row, token, input.baseUrl);
	// A new coach is a change to the staff: the practice's log shows who asked for it.
	if (role === 'coach')
		await recordSecurityEvent(ctx, {
			userId: input.actor.userId,
			kind: 'coach-invited',
			practiceId: practice.id,
			actorId: input.actor.userId
		});
	return { id: row.id, name, email, expiresAt: row.expires_at };
}
