import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { fieldErrors } from '../../domain/schemas/field-errors.ts';
import { TEAM_INVITATION_DAYS, teamInviteSchema } from '../../domain/teams/rules.ts';
import { formatLongDate } from '../../format.ts';
import type { AppContext } from '../context.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { takeAttempt } from '../rate-limit/rate-limit.ts';
import { newToken } from '../security/tokens.ts';
import { findUserById, normaliseEmail } from '../users/repository.ts';
import { requireActive, teamFor } from './access.ts';
import { teamInvitationEmail } from './invitation-email.ts';
import { insertTeamInvitation, listOpenTeamInvitations } from './repository.ts';
import { teamJoinLink } from './team-invitations.ts';

const DAY_MS = 24 * 3600_000;

function refuseEmail(message: string): never {
	throw new DomainError('invalid_input', message, { fields: { email: message } });
}

/**
 * The team's coach invites someone onto the team by email: a person of the practice or someone
 * new, who makes an account when they join. The email says who sees what before anything is asked.
 */
export async function inviteMember(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey' | 'dialect'>,
	input: { actor: Actor; teamId: string; values: Record<string, string>; baseUrl: string }
): Promise<{ name: string; email: string }> {
	const { team, current } = await teamFor(ctx.db, input.actor, input.teamId, 'team.manage');
	requireActive(team);
	const parsed = teamInviteSchema.safeParse(input.values);
	if (!parsed.success)
		throw new DomainError('invalid_input', 'Please check the highlighted fields.', {
			fields: fieldErrors(parsed.error)
		});
	const email = normaliseEmail(parsed.data.email);
	const now = ctx.now();
	if (current.some((m) => m.email === email)) refuseEmail('This person is already on the team.');
	const open = (await listOpenTeamInvitations(ctx.db, team.id)).find(
		(i) => i.email === email && i.expires_at > now.toISOString()
	);
	if (open)
		refuseEmail(
			`You invited this address on ${formatLongDate(open.created_at)}, and that invitation is still open until ${formatLongDate(open.expires_at)}.`
		);
	await takeAttempt(ctx, [
		{ name: 'invite:sender', key: input.actor.userId },
		{ name: 'invite:email', key: `${team.id}:${email}` }
	]);
	const { token, hash } = newToken();
	const expiresAt = new Date(now.getTime() + TEAM_INVITATION_DAYS * DAY_MS).toISOString();
	const coach = await findUserById(ctx.db, team.coach_id);
	await ctx.db.transaction().execute(async (trx) => {
		await insertTeamInvitation(trx, {
			id: randomUUID(),
			team_id: team.id,
			email,
			name: parsed.data.name,
			token_hash: hash,
			created_at: now.toISOString(),
			expires_at: expiresAt,
			accepted_at: null,
			revoked_at: null
		});
		const message = teamInvitationEmail({
			to: email,
			name: parsed.data.name,
			coachName: coach?.name ?? 'Your coach',
			teamName: team.name,
			link: teamJoinLink(input.baseUrl, token),
			expiresAt
		});
		await enqueueJob({ ...ctx, db: trx }, 'email', message);
	});
	return { name: parsed.data.name, email };
}
