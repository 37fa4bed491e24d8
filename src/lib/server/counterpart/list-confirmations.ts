import type { Actor } from '../../domain/policies.ts';
import { actionFor } from '../actions/access.ts';
import type { AppContext } from '../context.ts';
import { listConfirmationsOf, type ConfirmationView } from './repository.ts';

export type { ConfirmationView };

/** The links sent for an action and what came back, for whoever may read the action. */
export async function listConfirmations(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor; actionId: string }
): Promise<ConfirmationView[]> {
	const action = await actionFor(ctx.db, input.actor, input.actionId, 'action.read');
	return listConfirmationsOf(ctx.db, action.id);
}
