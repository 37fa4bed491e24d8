import type { Actor } from '../../domain/policies.ts';
import { actionFor } from '../actions/access.ts';
import type { AppContext } from '../context.ts';
import { listConfirmationsOf, type ConfirmationView } from './repository.ts';
import { openAnswers } from './sealed-confirmation.ts';
import { lazyCipher } from '../crypto/field-crypto.ts';

export type { ConfirmationView };

/** The links sent for an action and what came back, for whoever may read the action. */
export async function listConfirmations(
	ctx: Pick<AppContext, 'db' | 'masterKey'>,
	input: { actor: Actor; actionId: string }
): Promise<ConfirmationView[]> {
	const action = await actionFor(ctx.db, input.actor, input.actionId, 'action.read');
	const rows = await listConfirmationsOf(ctx.db, action.id);
	return openAnswers(lazyCipher(ctx.db, ctx.masterKey, action.user_id), rows);
}
