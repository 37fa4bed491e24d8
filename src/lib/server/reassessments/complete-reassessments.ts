import type { AppContext } from '../context.ts';
import { completePendingReassessments } from './repository.ts';

/**
 * Called when a client finishes an assessment: any retake their coach asked for before now is done.
 * Not a policy check: it runs inside the client's own completion.
 */
export async function completeReassessments(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { clientId: string }
): Promise<number> {
	return completePendingReassessments(ctx.db, input.clientId, ctx.now().toISOString());
}
