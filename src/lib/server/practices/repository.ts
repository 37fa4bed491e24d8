import type { Db } from '../db/create-db.ts';
import type { MembershipRole, NewPractice, Practice } from '../db/types.ts';

export async function insertPractice(db: Db, practice: NewPractice): Promise<void> {
	await db.insertInto('practices').values(practice).execute();
}

export async function findPractice(db: Db, id: string): Promise<Practice | undefined> {
	return db.selectFrom('practices').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function renamePractice(db: Db, id: string, name: string): Promise<void> {
	await db.updateTable('practices').set({ name }).where('id', '=', id).execute();
}

export async function addMembership(
	db: Db,
	m: {
		id: string;
		practiceId: string;
		userId: string;
		role: MembershipRole;
		coachId?: string | null;
		at: string;
	}
): Promise<void> {
	await db
		.insertInto('memberships')
		.values({
			id: m.id,
			practice_id: m.practiceId,
			user_id: m.userId,
			role: m.role,
			coach_id: m.coachId ?? null,
			created_at: m.at
		})
		.execute();
}

export interface PracticeMember {
	userId: string;
	name: string;
	email: string;
	role: MembershipRole;
	coachId: string | null;
	joinedAt: string;
}

/** Members of a practice; `staffOnly` leaves clients out (the roster lists those, page by page). */
export async function listPracticeMembers(
	db: Db,
	practiceId: string,
	options: { staffOnly?: boolean } = {}
): Promise<PracticeMember[]> {
	let query = db
		.selectFrom('memberships as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.select([
			'u.id as userId',
			'u.name',
			'u.email',
			'm.role',
			'm.coach_id as coachId',
			'm.created_at as joinedAt'
		])
		.where('m.practice_id', '=', practiceId)
		.orderBy('u.name');
	if (options.staffOnly) query = query.where('m.role', '!=', 'client');
	return query.execute();
}

export async function countPracticeClients(db: Db, practiceId: string): Promise<number> {
	const row = await db
		.selectFrom('memberships')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('practice_id', '=', practiceId)
		.where('role', '=', 'client')
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** A client in a practice, as the practice's side sees them: who they are and who coaches them. */
export interface ClientInPractice {
	ownerId: string;
	practiceId: string;
	coachId: string | null;
	name: string;
	email: string;
}

/** A client of the given practice, with the coach they work with; undefined when not a client there. */
export async function findClientInPractice(
	db: Db,
	practiceId: string,
	clientId: string
): Promise<ClientInPractice | undefined> {
	const row = await db
		.selectFrom('memberships as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.select(['u.id', 'u.name', 'u.email', 'm.coach_id'])
		.where('m.practice_id', '=', practiceId)
		.where('m.user_id', '=', clientId)
		.where('m.role', '=', 'client')
		.executeTakeFirst();
	if (!row) return undefined;
	return {
		ownerId: row.id,
		practiceId,
		coachId: row.coach_id,
		name: row.name,
		email: row.email
	};
}

/** Where a person works as a client: their practice and coach, or undefined when self-guided. */
export async function findClientPlacement(
	db: Db,
	userId: string
): Promise<{ practiceId: string; coachId: string | null } | undefined> {
	const row = await db
		.selectFrom('memberships')
		.select(['practice_id', 'coach_id'])
		.where('user_id', '=', userId)
		.where('role', '=', 'client')
		.executeTakeFirst();
	return row && { practiceId: row.practice_id, coachId: row.coach_id };
}

/** Ends a client's membership; a staff membership with the same id is left alone. */
export async function deleteClientMembership(db: Db, membershipId: string): Promise<void> {
	await db
		.deleteFrom('memberships')
		.where('id', '=', membershipId)
		.where('role', '=', 'client')
		.execute();
}

/** The member of the practice using this email address, whatever their role. */
export async function findPracticeMemberByEmail(db: Db, practiceId: string, email: string) {
	return db
		.selectFrom('memberships as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.select(['u.id', 'u.name', 'm.role'])
		.where('m.practice_id', '=', practiceId)
		.where('u.email', '=', email)
		.executeTakeFirst();
}

/** The practice someone is a client of (at most one), with their coach's name. */
export async function findClientMembership(db: Db, userId: string) {
	return db
		.selectFrom('memberships as m')
		.innerJoin('practices as p', 'p.id', 'm.practice_id')
		.leftJoin('users as c', 'c.id', 'm.coach_id')
		.select([
			'm.id',
			'm.practice_id as practiceId',
			'p.name as practiceName',
			'c.name as coachName'
		])
		.where('m.user_id', '=', userId)
		.where('m.role', '=', 'client')
		.executeTakeFirst();
}

/** Whether a client has a coach now: one indexed row, read on the journal's pages. */
export async function clientHasCoach(db: Db, userId: string): Promise<boolean> {
	const row = await db
		.selectFrom('memberships')
		.select('coach_id')
		.where('user_id', '=', userId)
		.where('role', '=', 'client')
		.executeTakeFirst();
	return Boolean(row?.coach_id);
}

/** When the practice began requiring a second factor of its staff, or null (0030). */
export async function findSecondFactorRequirement(
	db: Db,
	practiceId: string
): Promise<string | null> {
	const row = await db
		.selectFrom('practices')
		.select('second_factor_required_at')
		.where('id', '=', practiceId)
		.executeTakeFirst();
	return row?.second_factor_required_at ?? null;
}

export async function saveSecondFactorRequirement(
	db: Db,
	practiceId: string,
	requiredAt: string | null
): Promise<void> {
	await db
		.updateTable('practices')
		.set({ second_factor_required_at: requiredAt })
		.where('id', '=', practiceId)
		.execute();
}
