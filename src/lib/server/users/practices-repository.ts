import type { Db } from '../db/create-db.ts';
import type { MembershipRole, Practice } from '../db/types.ts';

export async function insertPractice(db: Db, practice: Practice): Promise<void> {
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
