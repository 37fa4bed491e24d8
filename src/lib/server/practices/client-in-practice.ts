import { DomainError } from '../../domain/errors.ts';
import { can, type Action, type Actor } from '../../domain/policies.ts';
import type { Db } from '../db/create-db.ts';
import { findClientInPractice, type ClientInPractice } from './repository.ts';

export type { ClientInPractice };

export const NOT_YOUR_CLIENT =
	'There is no such client in this practice, or they are not yours to see.';

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
