import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { actionFor } from './access.ts';
import { deleteActionRow } from './repository.ts';
import { refreshClientSummary } from '../roster/refresh-client-summary.ts';

/** Deletes an action and every report-back on it, for good. */
export async function deleteAction(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; actionId: string }
): Promise<void> {
	const row = await actionFor(ctx.db, input.actor, input.actionId, 'action.write');
	await deleteActionRow(ctx.db, row.id);
	await refreshClientSummary(ctx, row.user_id);
}
