import { todayFor } from '../../domain/actions/dates.ts';
import { isPausedOn } from '../../domain/actions/schedule.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { actionFor, requireOpen } from './access.ts';
import { updateAction } from './repository.ts';
import { refreshClientSummary } from '../roster/refresh-client-summary.ts';

/**
 * Ends a pause today. Weeks that fell inside the pause stay skipped (the pause now ends today),
 * so resuming never brings back a report-back from before it.
 */
export async function resumeAction(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; actionId: string }
): Promise<void> {
	const row = await actionFor(ctx.db, input.actor, input.actionId, 'action.write');
	requireOpen(row);
	const now = ctx.now();
	const today = todayFor(now);
	if (!isPausedOn(row.paused_until, today)) return;
	await updateAction(ctx.db, row.id, { paused_until: today, updated_at: now.toISOString() });
	await refreshClientSummary(ctx, row.user_id);
}
