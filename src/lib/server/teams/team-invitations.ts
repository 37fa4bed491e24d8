import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { TEAM_INVITATION_DAYS } from '../../domain/teams/rules.ts';
import type { AppContext } from '../context.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { takeAttempt } from '../rate-limit/rate-limit.ts';
import { newToken } from '../security/tokens.ts';
import { findUserById } from '../users/repository.ts';
import { requireActive, teamFor } from './access.ts';
import { teamInvitationEmail } from './invitation-email.ts';
import {
	findOpenTeamInvitation,
	renewTeamInvitation,
	revokeTeamInvitation,
	type TeamInvitationRow
} from './repository.ts';

const DAY_MS = 24 * 3600_000;

/** Where an invitation's link leads: the page to join the team with its token. */
export const teamJoinLink = (baseUrl: string, token: string) => `${baseUrl}/teams/join/${token}`;
const GONE =
	'That invitation is no longer open: it was accepted or withdrawn. The list below shows where things stand.';

type Ctx = Pick<AppContext, 'db' | 'now' | 'masterKey' | 'dialect'>;
interface Input {
	actor: Actor;
	teamId: string;
	invitationId: string;
}

/** The open invitation the team's coach is acting on; anything else is "no longer open". */
async function openInvitationOf(ctx: Ctx, input: Input) {
	const { team } = await teamFor(ctx.db, input.actor, input.teamId, 'team.manage');
	requireActive(team);
	const invitation = await findOpenTeamInvitation(ctx.db, team.id, input.invitationId);
	if (!invitation) throw new DomainError('conflict', GONE);
	return { team, invitation };
}

/** The team's coach withdraws an invitation not yet accepted: its link stops working. */
export async function withdrawTeamInvitation(ctx: Ctx, input: Input): Promise<TeamInvitationRow> {
	const { invitation } = await openInvitationOf(ctx, input);
	if (!(await revokeTeamInvitation(ctx.db, invitation.id, ctx.now().toISOString())))
		throw new DomainError('conflict', GONE);
	return invitation;
}

/**
 * The team's coach sends an invitation again (lost, or run out): a new link valid for the full
 * period, and the old link stops working, so only the newest email can be used.
 */
export async function resendTeamInvitation(
	ctx: Ctx,
	input: Input & { baseUrl: string }
): Promise<TeamInvitationRow> {
	const { team, invitation } = await openInvitationOf(ctx, input);
	await takeAttempt(ctx, [
		{ name: 'invite:sender', key: input.actor.userId },
		{ name: 'invite:email', key: `${team.id}:${invitation.email}` }
	]);
	const { token, hash } = newToken();
	const expiresAt = new Date(ctx.now().getTime() + TEAM_INVITATION_DAYS * DAY_MS).toISOString();
	const coach = await findUserById(ctx.db, team.coach_id);
	await ctx.db.transaction().execute(async (trx) => {
		if (!(await renewTeamInvitation(trx, invitation.id, { tokenHash: hash, expiresAt })))
			throw new DomainError('conflict', GONE);
		await enqueueJob(
			{ ...ctx, db: trx },
			'email',
			teamInvitationEmail({
				to: invitation.email,
				name: invitation.name,
				coachName: coach?.name ?? 'Your coach',
				teamName: team.name,
				link: teamJoinLink(input.baseUrl, token),
				expiresAt
			})
		);
	});
	return { ...invitation, expires_at: expiresAt };
}
