import { DomainError } from '../../domain/errors.ts';
import { can, type Action, type Actor, type Resource } from '../../domain/policies.ts';
import type { Db } from '../db/create-db.ts';
import { findTeam, listMembers, type TeamMember, type TeamRow } from './repository.ts';

const NOT_FOUND = 'There is no such team, or it is not yours to see.';

export interface TeamAccess {
	team: TeamRow;
	/** Everyone who has been on the team; `leftAt` says who no longer is. */
	members: TeamMember[];
	/** Current members only. */
	current: TeamMember[];
	resource: Resource;
}

/** The policy's view of a team: its practice, its coach, and who is on it now. */
export function teamResource(team: TeamRow, current: readonly TeamMember[]): Resource {
	return {
		practiceId: team.practice_id,
		coachId: team.coach_id,
		teamMemberIds: current.map((m) => m.userId)
	};
}

/** Loads a team the actor may act on with `action`; anything else is "not found", so ids leak nothing. */
export async function teamFor(
	db: Db,
	actor: Actor,
	teamId: string,
	action: Action
): Promise<TeamAccess> {
	const team = teamId.length <= 64 ? await findTeam(db, teamId) : undefined;
	if (team) {
		const members = await listMembers(db, team.id);
		const current = members.filter((m) => !m.leftAt);
		const resource = teamResource(team, current);
		if (can(actor, action, resource)) return { team, members, current, resource };
	}
	throw new DomainError('not_found', NOT_FOUND);
}

/** Refuses changes to an archived team, with what to do instead. */
export function requireActive(team: TeamRow): void {
	if (team.archived_at)
		throw new DomainError(
			'conflict',
			'This team is archived: its map and trail stay readable, but nothing more can change.'
		);
}
