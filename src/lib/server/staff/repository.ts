import type { Db } from '../db/create-db.ts';
import type { MembershipRole } from '../db/types.ts';

export interface StaffMember {
	userId: string;
	name: string;
	email: string;
	roles: MembershipRole[];
	clientCount: number;
}

/** Coaches and admins of a practice, each with how many clients they coach there. */
export async function listStaffWithClientCounts(
	db: Db,
	practiceId: string
): Promise<StaffMember[]> {
	const rows = await db
		.selectFrom('memberships as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.select(['u.id', 'u.name', 'u.email', 'm.role'])
		.where('m.practice_id', '=', practiceId)
		.where('m.role', '!=', 'client')
		.orderBy('u.name')
		.execute();
	const counts = await db
		.selectFrom('memberships')
		.select(['coach_id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('practice_id', '=', practiceId)
		.where('role', '=', 'client')
		.where('coach_id', 'is not', null)
		.groupBy('coach_id')
		.execute();
	const byCoach = new Map(counts.map((c) => [c.coach_id, Number(c.n)]));
	const staff = new Map<string, StaffMember>();
	for (const row of rows) {
		const member = staff.get(row.id) ?? {
			userId: row.id,
			name: row.name,
			email: row.email,
			roles: [],
			clientCount: byCoach.get(row.id) ?? 0
		};
		member.roles.push(row.role);
		staff.set(row.id, member);
	}
	return [...staff.values()];
}

/** Clients of the practice with no coach (their coach was removed): the admin gives them one. */
export async function listClientsWithoutCoach(
	db: Db,
	practiceId: string
): Promise<{ userId: string; name: string }[]> {
	return db
		.selectFrom('memberships as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.select(['u.id as userId', 'u.name'])
		.where('m.practice_id', '=', practiceId)
		.where('m.role', '=', 'client')
		.where('m.coach_id', 'is', null)
		.orderBy('u.name')
		.execute();
}

/** The clients a coach has in a practice, now without one; answers who they were. */
export async function unassignClientsOf(
	db: Db,
	practiceId: string,
	coachId: string
): Promise<string[]> {
	const clients = await db
		.selectFrom('memberships')
		.select('user_id')
		.where('practice_id', '=', practiceId)
		.where('role', '=', 'client')
		.where('coach_id', '=', coachId)
		.execute();
	await db
		.updateTable('memberships')
		.set({ coach_id: null })
		.where('practice_id', '=', practiceId)
		.where('role', '=', 'client')
		.where('coach_id', '=', coachId)
		.execute();
	return clients.map((c) => c.user_id);
}

/** Ends a person's coach and admin roles in a practice; a client membership is left alone. */
export async function deleteStaffMemberships(
	db: Db,
	practiceId: string,
	userId: string
): Promise<number> {
	const result = await db
		.deleteFrom('memberships')
		.where('practice_id', '=', practiceId)
		.where('user_id', '=', userId)
		.where('role', '!=', 'client')
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** Gives a client of the practice a coach; false when they are not a client there. */
export async function setClientCoach(
	db: Db,
	practiceId: string,
	clientId: string,
	coachId: string
): Promise<boolean> {
	const result = await db
		.updateTable('memberships')
		.set({ coach_id: coachId })
		.where('practice_id', '=', practiceId)
		.where('user_id', '=', clientId)
		.where('role', '=', 'client')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Every client of the practice, by name (the admin may take one out). */
export async function listClientsOfPractice(
	db: Db,
	practiceId: string
): Promise<{ userId: string; name: string }[]> {
	return db
		.selectFrom('memberships as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.select(['u.id as userId', 'u.name'])
		.where('m.practice_id', '=', practiceId)
		.where('m.role', '=', 'client')
		.orderBy('u.name')
		.execute();
}

/** Ends a client's membership of the practice; false when they are not a client there. */
export async function deleteClientOfPractice(
	db: Db,
	practiceId: string,
	clientId: string
): Promise<boolean> {
	const result = await db
		.deleteFrom('memberships')
		.where('practice_id', '=', practiceId)
		.where('user_id', '=', clientId)
		.where('role', '=', 'client')
		.executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}
