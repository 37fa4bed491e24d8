import type { Selectable } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { TeamInvitationsTable, TeamRoundsTable, TeamsTable } from '../db/types.ts';

export type TeamRow = Selectable<TeamsTable>;
export type TeamInvitationRow = Selectable<TeamInvitationsTable>;
export type TeamRoundRow = Selectable<TeamRoundsTable>;

export interface TeamMember {
	userId: string;
	name: string;
	email: string;
	joinedAt: string;
	leftAt: string | null;
	showDot: boolean;
}

export async function insertTeam(db: Db, row: TeamRow): Promise<void> {
	await db.insertInto('teams').values(row).execute();
}

export async function findTeam(db: Db, id: string): Promise<TeamRow | undefined> {
	return db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateTeam(
	db: Db,
	id: string,
	changes: Partial<Pick<TeamRow, 'name' | 'description' | 'lead_id' | 'archived_at'>>
): Promise<void> {
	await db.updateTable('teams').set(changes).where('id', '=', id).execute();
}

/** A practice's teams, with how many people are on each now; newest first. */
export async function listTeamsOfPractice(
	db: Db,
	practiceId: string
): Promise<(TeamRow & { memberCount: number })[]> {
	const rows = await db
		.selectFrom('teams')
		.selectAll('teams')
		.select((eb) =>
			eb
				.selectFrom('team_members')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('team_members.team_id', '=', 'teams.id')
				.where('team_members.left_at', 'is', null)
				.as('memberCount')
		)
		.where('practice_id', '=', practiceId)
		.orderBy('created_at', 'desc')
		.execute();
	return rows.map((r) => ({ ...r, memberCount: Number(r.memberCount ?? 0) }));
}

/** The teams a person is on now. */
export async function listTeamsOfMember(db: Db, userId: string): Promise<TeamRow[]> {
	return db
		.selectFrom('teams')
		.innerJoin('team_members', 'team_members.team_id', 'teams.id')
		.selectAll('teams')
		.where('team_members.user_id', '=', userId)
		.where('team_members.left_at', 'is', null)
		.orderBy('teams.name')
		.execute();
}

/** Everyone who has been on the team, current members first, then by name. */
export async function listMembers(db: Db, teamId: string): Promise<TeamMember[]> {
	const rows = await db
		.selectFrom('team_members')
		.innerJoin('users', 'users.id', 'team_members.user_id')
		.select([
			'team_members.user_id',
			'users.name',
			'users.email',
			'team_members.joined_at',
			'team_members.left_at',
			'team_members.show_dot'
		])
		.where('team_members.team_id', '=', teamId)
		.orderBy('users.name')
		.execute();
	return rows.map((r) => ({
		userId: r.user_id,
		name: r.name,
		email: r.email,
		joinedAt: r.joined_at,
		leftAt: r.left_at,
		showDot: Number(r.show_dot) === 1
	}));
}

/** Puts someone on the team, or back on it. */
export async function saveMember(db: Db, teamId: string, userId: string, at: string) {
	await db
		.insertInto('team_members')
		.values({ team_id: teamId, user_id: userId, joined_at: at, left_at: null, show_dot: 0 })
		.onConflict((oc) => oc.columns(['team_id', 'user_id']).doUpdateSet({ left_at: null }))
		.execute();
}

export async function markMemberLeft(db: Db, teamId: string, userId: string, at: string) {
	await db
		.updateTable('team_members')
		.set({ left_at: at })
		.where('team_id', '=', teamId)
		.where('user_id', '=', userId)
		.execute();
}

export async function saveShowDot(db: Db, teamId: string, userId: string, show: boolean) {
	await db
		.updateTable('team_members')
		.set({ show_dot: show ? 1 : 0 })
		.where('team_id', '=', teamId)
		.where('user_id', '=', userId)
		.execute();
}

export async function insertTeamInvitation(db: Db, row: TeamInvitationRow): Promise<void> {
	await db.insertInto('team_invitations').values(row).execute();
}

export async function findTeamInvitationByHash(
	db: Db,
	hash: string
): Promise<TeamInvitationRow | undefined> {
	return db
		.selectFrom('team_invitations')
		.selectAll()
		.where('token_hash', '=', hash)
		.executeTakeFirst();
}

/** The team's invitations not yet accepted nor revoked, newest first. */
export async function listOpenTeamInvitations(
	db: Db,
	teamId: string
): Promise<TeamInvitationRow[]> {
	return db
		.selectFrom('team_invitations')
		.selectAll()
		.where('team_id', '=', teamId)
		.where('accepted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.orderBy('created_at', 'desc')
		.execute();
}

/** One invitation of a team, still open (neither accepted nor withdrawn). */
export async function findOpenTeamInvitation(
	db: Db,
	teamId: string,
	id: string
): Promise<TeamInvitationRow | undefined> {
	return db
		.selectFrom('team_invitations')
		.selectAll()
		.where('id', '=', id)
		.where('team_id', '=', teamId)
		.where('accepted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
}

/** Withdraws an open invitation: its link stops working. True when this call did it. */
export async function revokeTeamInvitation(db: Db, id: string, at: string): Promise<boolean> {
	const result = await db
		.updateTable('team_invitations')
		.set({ revoked_at: at })
		.where('id', '=', id)
		.where('accepted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** A new link for an open invitation: the old one stops working. True when this call did it. */
export async function renewTeamInvitation(
	db: Db,
	id: string,
	next: { tokenHash: string; expiresAt: string }
): Promise<boolean> {
	const result = await db
		.updateTable('team_invitations')
		.set({ token_hash: next.tokenHash, expires_at: next.expiresAt })
		.where('id', '=', id)
		.where('accepted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Marks the invitation accepted unless someone already did: true when this call won. */
export async function markTeamInvitationAccepted(db: Db, id: string, at: string) {
	const result = await db
		.updateTable('team_invitations')
		.set({ accepted_at: at })
		.where('id', '=', id)
		.where('accepted_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function insertRound(db: Db, row: TeamRoundRow): Promise<void> {
	await db.insertInto('team_rounds').values(row).execute();
}

export async function findRound(db: Db, id: string): Promise<TeamRoundRow | undefined> {
	return db.selectFrom('team_rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The team's rounds, oldest first. */
export async function listRounds(db: Db, teamId: string): Promise<TeamRoundRow[]> {
	return db
		.selectFrom('team_rounds')
		.selectAll()
		.where('team_id', '=', teamId)
		.orderBy('number')
		.execute();
}

/** Freezes a round's summary at its close, once: true when this call closed it. */
export async function markRoundClosed(db: Db, id: string, at: string, summary: string) {
	const result = await db
		.updateTable('team_rounds')
		.set({ closed_at: at, summary })
		.where('id', '=', id)
		.where('closed_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}
