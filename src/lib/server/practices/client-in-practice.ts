import { DomainError } from '../../domain/errors.ts';
import { can, type Action, type Actor, type Resource } from '../../domain/policies.ts';
import type { Db } from '../db/create-db.ts';

export interface ClientInPractice extends Resource {
	ownerId: string;
	practiceId: string;
	coachId: string | null;
	name: string;
	email: string;
}

export const NOT_YOUR_CLIENT =
	'There is no such client in this practice, or they are not yours to see.';

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

/**
 * The client, when the actor may do `action` on them from the practice's side. Anyone else gets
 * "not found", whether the client exists or not, so ids reveal nothing.
 */
export async function clientFor(
	db: Db,
	actor: Actor,
	input: { practiceId: string; clientId: string },
	action: Action
): Promise<ClientInPractice> {
	const client = await findClientInPractice(db, input.practiceId, input.clientId);
	if (!client || !can(actor, action, client)) throw new DomainError('not_found', NOT_YOUR_CLIENT);
	return client;
}
