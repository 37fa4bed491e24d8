import { randomUUID } from 'node:crypto';
import { todayFor, type IsoDate } from '../../domain/actions/dates.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { actionFor, requireOpen } from './access.ts';
import { findReport, insertSkip, listReportsOf } from './repository.ts';
import { stateOf } from './view.ts';
import { refreshClientSummary } from '../roster/refresh-client-summary.ts';

/**
 * Skips one occurrence of a weekly rhythm (the one due now, or the next one) and leaves the
 * rhythm as it is. The form names the occurrence, so pressing Skip twice skips one week, not two.
 */
export async function skipOccurrence(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; actionId: string; occurrence: IsoDate }
): Promise<void> {
	const row = await actionFor(ctx.db, input.actor, input.actionId, 'action.write');
	requireOpen(row);
	if (row.weekday === null)
		throw new DomainError(
			'conflict',
			'Only a weekly rhythm can skip a week. To move a one-off action, pick a new date.'
		);
	const existing = await findReport(ctx.db, row.id, input.occurrence);
	if (existing) {
		if (existing.outcome === null) return; // already skipped: nothing more to do
		throw new DomainError(
			'conflict',
			'You already reported on this one, so there is nothing to skip.'
		);
	}
	const now = ctx.now();
	const state = stateOf(row, await listReportsOf(ctx.db, [row.id]), todayFor(now));
	if (state.skippable !== input.occurrence)
		throw new DomainError(
			'conflict',
			'That week cannot be skipped now. Open the action again to see where it stands.'
		);
	const at = now.toISOString();
	await insertSkip(ctx.db, {
		id: randomUUID(),
		action_id: row.id,
		occurrence: input.occurrence,
		outcome: null,
		happened: null,
		mutuality: null,
		compared: null,
		measure: null,
		measure_label: null,
		note: null,
		skipped_at: at,
		created_at: at,
		updated_at: at
	});
	await refreshClientSummary(ctx, row.user_id);
}
