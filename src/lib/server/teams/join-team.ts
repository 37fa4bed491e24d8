import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { formatLongDate } from '../../format.ts';
import { createSession } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { hashToken } from '../security/tokens.ts';
import { prepareInvitedAccount } from '../invitations/invited-account.ts';
import { findUserByEmail, findUserById } from '../users/repository.ts';
import {
	findTeam,
	findTeamInvitationByHash,
	markTeamInvitationAccepted,
	saveMember,
	type TeamInvitationRow,
	type TeamRow
} from './repository.ts';

type Ctx = Pick<AppContext, 'db' | 'now'>;

export interface TeamInvitationView {
	teamId: string;
	teamName: string;
	description: string;
	coachName: string;
	name: string;
	email: string;
	expiresAt: string;
	hasAccount: boolean;
}

async function openTeamInvitation(
	ctx: Ctx,
	token: string
): Promise<{ row: TeamInvitationRow; team: TeamRow }> {
	const row =
		token && token.length <= 100
			? await findTeamInvitationByHash(ctx.db, hashToken(token))
			: undefined;
	const team = row ? await findTeam(ctx.db, row.team_id) : undefined;
	if (!row || !team || row.revoked_at)
		throw new DomainError(
			'not_found',
			'We cannot find this invitation. Open the link from the newest email, or ask the coach to invite you again.'
		);
	if (row.accepted_at)
		throw new DomainError(
			'gone',
			`This invitation was already used on ${formatLongDate(row.accepted_at)}. Sign in to see your teams.`
		);
	if (row.expires_at <= ctx.now().toISOString())
		throw new DomainError(
			'gone',
			`This invitation ran out on ${formatLongDate(row.expires_at)}. Ask the coach who runs ${team.name} to invite you again.`
		);
	if (team.archived_at)
		throw new DomainError(
			'gone',
			`The team ${team.name} has been archived, so nobody can join it now.`
		);
	return { row, team };
}

/** What the join page shows: the team, who runs it, and whether the address has an account. */
export async function viewTeamInvitation(ctx: Ctx, token: string): Promise<TeamInvitationView> {
	const { row, team } = await openTeamInvitation(ctx, token);
	const coach = await findUserById(ctx.db, team.coach_id);
	return {
		teamId: team.id,
		teamName: team.name,
		description: team.description,
		coachName: coach?.name ?? 'Your coach',
		name: row.name,
		email: row.email,
		expiresAt: row.expires_at,
		hasAccount: Boolean(await findUserByEmail(ctx.db, row.email))
	};
}

async function admitToTeam(ctx: Ctx, db: Ctx['db'], row: TeamInvitationRow, userId: string) {
	const at = ctx.now().toISOString();
	if (!(await markTeamInvitationAccepted(db, row.id, at)))
		throw new DomainError(
			'gone',
			'This invitation was used a moment ago. Sign in to see your teams.'
		);
	await saveMember(db, row.team_id, userId, at);
}

/** A signed-in person joins with the account the invitation was sent to. */
export async function joinTeamSignedIn(
	ctx: Ctx,
	input: { actor: Actor; token: string }
): Promise<{ teamId: string }> {
	const { row, team } = await openTeamInvitation(ctx, input.token);
	const user = await findUserById(ctx.db, input.actor.userId);
	if (!user || user.email !== row.email)
		throw new DomainError(
			'forbidden',
			`This invitation was sent to ${row.email}. Sign out, then sign in with that address (or make an account for it) to join.`
		);
	await ctx.db.transaction().execute((trx) => admitToTeam(ctx, trx, row, user.id));
	return { teamId: team.id };
}

/** Someone new makes their member account from the invitation and joins in the same step. */
export async function joinTeamWithNewAccount(
	ctx: Pick<AppContext, 'db' | 'now' | 'dialect' | 'log'>,
	input: { token: string; values: Record<string, string>; address: string }
): Promise<{ teamId: string; token: string; expiresAt: Date }> {
	const { row, team } = await openTeamInvitation(ctx, input.token);
	const { userId, create } = await prepareInvitedAccount(ctx, {
		email: row.email,
		kind: 'client',
		values: input.values,
		address: input.address
	});
	await ctx.db.transaction().execute(async (trx) => {
		await create(trx);
		await admitToTeam(ctx, trx, row, userId);
	});
	ctx.log.info({ userId, teamId: team.id }, 'team invitation accepted');
	return { teamId: team.id, ...(await createSession(ctx, userId)) };
}
