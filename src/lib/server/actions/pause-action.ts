import { todayFor, type IsoDate } from '../../domain/actions/dates.ts';
import { pauseDateProblem } from '../../domain/chosen-days.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { actionFor, requireOpen } from './access.ts';
import { updateAction } from './repository.ts';
import { refreshClientSummary } from '../roster/refresh-client-summary.ts';

/**
 * Pauses a weekly rhythm until a day: the weeks before it are not asked for, and from that day
 * on the rhythm carries on, on the same weekday.
 */
export async function pauseAction(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; actionId: string; until: IsoDate }
): Promise<void> {
	const row = await actionFor(ctx.db, input.actor, input.actionId, 'action.write');
	requireOpen(row);
	if (row.weekday === null)
		throw new DomainError(
			'conflict',
			'Only a weekly rhythm can be paused. To move a one-off action, pick a new date.'
		);
	const now = ctx.now();
	const today = todayFor(now);
	const problem = pauseDateProblem(input.until, today);
	if (problem) throw new DomainError('invalid_input', problem, { fields: { pauseUntil: problem } });
	await updateAction(ctx.db, row.id, { paused_until: input.until, updated_at: now.toISOString() });
	await refreshClientSummary(ctx, row.user_id);
}
