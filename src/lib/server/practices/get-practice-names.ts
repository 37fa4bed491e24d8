import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { findPractice } from './repository.ts';

/** One practice's name, for a page the route table already let the reader open. */
export async function getPracticeName(
	ctx: Pick<AppContext, 'db'>,
	input: { practiceId: string }
): Promise<{ id: string; name: string }> {
	const practice = await findPractice(ctx.db, input.practiceId);
	if (!practice) throw new DomainError('not_found', 'This practice does not exist.');
	return { id: practice.id, name: practice.name };
}

/** The practices the person belongs to, with their roles there and each one's name. */
export async function listOwnPractices(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor }
): Promise<{ id: string; roles: string[]; name: string }[]> {
	return Promise.all(
		Object.entries(input.actor.practices).map(async ([id, roles]) => ({
			id,
			roles: [...roles],
			name: (await findPractice(ctx.db, id))?.name ?? 'Your practice'
		}))
	);
}
