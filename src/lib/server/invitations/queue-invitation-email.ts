import type { AppContext } from '../context.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { invitationEmail } from '../mail/invitation-email.ts';
import type { InvitationRow } from './repository.ts';

/** Queues the invitation email; the sender named is always the person who first invited them. */
export async function queueInvitationEmail(
	ctx: Pick<AppContext, 'db' | 'now'>,
	invitation: Pick<
		InvitationRow,
		'email' | 'name' | 'role' | 'practice_id' | 'invited_by' | 'expires_at'
	>,
	token: string,
	baseUrl: string
): Promise<void> {
	const names = await ctx.db
		.selectFrom('practices as p')
		.innerJoin('users as u', (join) => join.on('u.id', '=', invitation.invited_by))
		.select(['p.name as practiceName', 'u.name as inviterName'])
		.where('p.id', '=', invitation.practice_id)
		.executeTakeFirstOrThrow();
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
