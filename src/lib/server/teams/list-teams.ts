import { DomainError } from '../../domain/errors.ts';
import { closingDay } from '../../domain/feedback/round-rules.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { findCheckIn, listCompletedCheckIns } from '../team-check-ins/repository.ts';
import { isRoundOpen, settleRounds } from '../team-check-ins/round-data.ts';
import { teamFor } from './access.ts';
import {
	listOpenTeamInvitations,
	listRounds,
	listTeamsOfMember,
	listTeamsOfPractice
} from './repository.ts';

type Ctx = Pick<AppContext, 'db' | 'now'>;

/** The practice's teams, for its coaches: each coach runs their own and sees the others' names. */
export async function listPracticeTeams(ctx: Ctx, input: { actor: Actor; practiceId: string }) {
	if (!can(input.actor, 'team.create', { practiceId: input.practiceId }))
		throw new DomainError(
			'not_found',
			'There is no such practice, or you are not one of its coaches.'
		);
	const teams = await listTeamsOfPractice(ctx.db, input.practiceId);
	return teams.map((t) => ({
		id: t.id,
		name: t.name,
		description: t.description,
		members: t.memberCount,
		archived: Boolean(t.archived_at),
		mine: t.coach_id === input.actor.userId
	}));
}

/** The teams the person is on, for "Your teams". */
export async function listMyTeams(ctx: Ctx, input: { actor: Actor }) {
	const teams = await listTeamsOfMember(ctx.db, input.actor.userId);
	const now = ctx.now();
	return Promise.all(
		teams.map(async (t) => {
			// The open check-in, and whether this person has finished theirs: "Check in" is offered
			// only while there is something to do (a person is on a handful of teams).
			const open = t.archived_at
				? undefined
				: (await settleRounds(ctx.db, await listRounds(ctx.db, t.id), now)).find((r) =>
						isRoundOpen(r, now)
					);
			const done = open
				? !!(await findCheckIn(ctx.db, open.id, input.actor.userId))?.completed_at
				: false;
			return {
				id: t.id,
				name: t.name,
				archived: Boolean(t.archived_at),
				openCheckIn: open
					? { number: open.number, closesOn: closingDay(open.closes_at), done }
					: null
			};
		})
	);
}

/** What the coach runs a team with: who is on it, who is invited, and the open check-in. */
export async function getTeamManagement(ctx: Ctx, input: { actor: Actor; teamId: string }) {
	const { team, current } = await teamFor(ctx.db, input.actor, input.teamId, 'team.manage');
	const now = ctx.now();
	const rounds = await settleRounds(ctx.db, await listRounds(ctx.db, team.id), now);
	const open = rounds.find((r) => isRoundOpen(r, now));
	const done = new Set(
		open ? (await listCompletedCheckIns(ctx.db, open.id)).map((c) => c.user_id) : []
	);
	const invitations = (await listOpenTeamInvitations(ctx.db, team.id)).map((i) => ({
		id: i.id,
		name: i.name,
		email: i.email,
		expiresAt: i.expires_at,
		expired: i.expires_at <= now.toISOString()
	}));
	return {
		team: {
			id: team.id,
			name: team.name,
			description: team.description,
			leadId: team.lead_id,
			archived: Boolean(team.archived_at)
		},
		members: current.map((m) => ({
			id: m.userId,
			name: m.name,
			email: m.email,
			checkedIn: done.has(m.userId)
		})),
		invitations,
		openRound: open
			? {
					number: open.number,
					closesOn: closingDay(open.closes_at),
					// Check-ins of people since taken off the team stay in the round (and on the map).
					fromFormerMembers: [...done].filter((id) => !current.some((m) => m.userId === id)).length
				}
			: null,
		rounds: rounds.length
	};
}
