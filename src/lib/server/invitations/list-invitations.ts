import { DomainError } from '../../domain/errors.ts';
import { invitationStatus, type InvitationStatus } from '../../domain/invitations.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { findPractice } from '../practices/repository.ts';
import { listPracticeInvitations } from './repository.ts';

export interface InvitationListItem {
	id: string;
	name: string;
	email: string;
	role: 'coach' | 'client';
	status: InvitationStatus;
	inviterName: string;
	sentByMe: boolean;
	lastSentAt: string;
	sendCount: number;
	expiresAt: string;
	acceptedAt: string | null;
	revokedAt: string | null;
}

export interface InvitationsPage {
	practice: { id: string; name: string };
	canInviteClients: boolean;
	canInviteCoaches: boolean;
	invitations: InvitationListItem[];
}

const LIST_LIMIT = 300;

/** The invitations the actor may manage: a coach sees their own, an admin sees the practice's. */
export async function listInvitations(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; practiceId: string }
): Promise<InvitationsPage> {
	const resource = { practiceId: input.practiceId };
	const practice = await findPractice(ctx.db, input.practiceId);
	if (!practice || !can(input.actor, 'practice.view', resource))
		throw new DomainError('not_found', 'There is no such practice, or you are not part of it.');
	const now = ctx.now();
	// Without an owner, only an admin's relation to the practice lets them manage an invitation.
	const managesAll = can(input.actor, 'invitation.manage', resource);
	const rows = await listPracticeInvitations(ctx.db, practice.id, {
		sentBy: managesAll ? null : input.actor.userId,
		limit: LIST_LIMIT
	});
	return {
		practice: { id: practice.id, name: practice.name },
		canInviteClients: can(input.actor, 'practice.invite-client', resource),
		canInviteCoaches: can(input.actor, 'practice.invite-coach', resource),
		invitations: rows
			.filter((r) =>
				can(input.actor, 'invitation.manage', { practiceId: r.practice_id, ownerId: r.invited_by })
			)
			.map((r) => ({
				id: r.id,
				name: r.name,
				email: r.email,
				role: r.role,
				status: invitationStatus(r, now),
				inviterName: r.inviterName,
				sentByMe: r.invited_by === input.actor.userId,
				lastSentAt: r.last_sent_at,
				sendCount: r.send_count,
				expiresAt: r.expires_at,
				acceptedAt: r.accepted_at,
				revokedAt: r.revoked_at
			}))
	};
}
