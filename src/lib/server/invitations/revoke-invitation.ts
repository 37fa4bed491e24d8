import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { invitationFor } from './access.ts';
import { markInvitationRevoked } from './repository.ts';
import { refuseSettled } from './resend-invitation.ts';
import { recordSecurityEvent } from '../security-log/security-log.ts';

/** Withdraws an invitation: its link stops working. The row stays, so the list shows what happened. */
export async function revokeInvitation(
	ctx: Pick<AppContext, 'db' | 'now' | 'log'>,
	input: { actor: Actor; invitationId: string }
): Promise<{ email: string }> {
	const row = await invitationFor(ctx, input.actor, input.invitationId);
	refuseSettled(row, 'revoke');
	if (!(await markInvitationRevoked(ctx.db, row.id, ctx.now().toISOString())))
		refuseSettled(await invitationFor(ctx, input.actor, row.id), 'revoke');
	await recordSecurityEvent(ctx, {
		userId: input.actor.userId,
		kind: 'invitation-withdrawn',
		practiceId: row.practice_id,
		actorId: input.actor.userId
	});
	return { email: row.email };
}
