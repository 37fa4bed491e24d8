import type { AppContext } from '../context.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { invitationEmail } from '../mail/invitation-email.ts';
import { findInvitationNames, type InvitationRow } from './repository.ts';

/** Queues the invitation email; the sender named is always the person who first invited them. */
export async function queueInvitationEmail(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	invitation: Pick<
		InvitationRow,
		'email' | 'name' | 'role' | 'practice_id' | 'invited_by' | 'expires_at'
	>,
	token: string,
	baseUrl: string
): Promise<void> {
	const names = await findInvitationNames(ctx.db, invitation.practice_id, invitation.invited_by);
	await enqueueJob(
		ctx,
		'email',
		invitationEmail({
			to: invitation.email,
			name: invitation.name,
			inviterName: names.inviterName,
			practiceName: names.practiceName,
			role: invitation.role,
			link: `${baseUrl}/invite/${token}`,
			expiresAt: invitation.expires_at
		})
	);
}
