import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { actionFor } from './access.ts';
import { closeActionRow } from './repository.ts';
import { refreshClientSummary } from '../roster/refresh-client-summary.ts';

/** Marks an action as done with: it leaves the open list and frees a place. Closing twice is fine. */
export async function closeAction(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; actionId: string }
): Promise<void> {
	const row = await actionFor(ctx.db, input.actor, input.actionId, 'action.write');
	await closeActionRow(ctx.db, row.id, ctx.now().toISOString());
	await refreshClientSummary(ctx, row.user_id);
}
