import { todayFor } from '../../domain/actions/dates.ts';
import type { ScheduleInput } from '../../domain/actions/schemas.ts';
import { dueDateProblem } from '../../domain/chosen-days.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { actionFor, requireOpen } from './access.ts';
import { updateAction } from './repository.ts';
import { refreshClientSummary } from '../roster/refresh-client-summary.ts';

/**
 * Gives an action a new due date or weekly rhythm. Report-backs already made stay in the
 * history; a new rhythm starts counting from today, and any pause ends.
 */
export async function rescheduleAction(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; actionId: string; schedule: ScheduleInput }
): Promise<void> {
	const row = await actionFor(ctx.db, input.actor, input.actionId, 'action.write');
	requireOpen(row);
	const now = ctx.now();
	const today = todayFor(now);
	const { schedule } = input;
	if (schedule.type === 'date') {
		const problem = dueDateProblem(schedule.dueOn, today);
		if (problem) throw new DomainError('invalid_input', problem, { fields: { dueOn: problem } });
	}
	await updateAction(ctx.db, row.id, {
		due_on: schedule.type === 'date' ? schedule.dueOn : null,
		weekday: schedule.type === 'weekly' ? schedule.weekday : null,
		starts_on: today,
		paused_until: null,
		updated_at: now.toISOString()
	});
	await refreshClientSummary(ctx, row.user_id);
}
