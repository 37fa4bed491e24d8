import { randomUUID } from 'node:crypto';
import { addDays, isIsoDate, todayFor } from '../../domain/actions/dates.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { clientFor } from '../practices/client-in-practice.ts';
import { cancelPendingReassessments, insertReassessment } from './repository.ts';

/** How far ahead a retake can be asked for. */
export const REASSESSMENT_MAX_DAYS = 366;

function dueOnProblem(value: string, today: string): string | null {
	if (value.trim() === '') return 'Pick the day by which you would like them to retake it.';
	if (!isIsoDate(value)) return 'Enter the date as year-month-day, for example 2026-12-31.';
	if (value < today) return 'That day has already passed. Pick today or a later day.';
	if (value > addDays(today, REASSESSMENT_MAX_DAYS)) return 'Pick a day within the next year.';
	return null;
}

/**
 * The client's coach asks for a retake by a date. A client has one open request at a time: a
 * new date replaces the one asked for before (and is reminded about afresh).
 */
export async function scheduleReassessment(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; practiceId: string; clientId: string; dueOn: string }
): Promise<{ id: string; dueOn: string }> {
	const client = await clientFor(ctx.db, input.actor, input, 'reassessment.schedule');
	const dueOn = input.dueOn.trim();
	const problem = dueOnProblem(dueOn, todayFor(ctx.now()));
	if (problem) throw new DomainError('invalid_input', problem, { fields: { dueOn: problem } });
	const at = ctx.now().toISOString();
	const id = randomUUID();
	await ctx.db.transaction().execute(async (trx) => {
		await cancelPendingReassessments(trx, client.ownerId, at);
		await insertReassessment(trx, {
			id,
			client_id: client.ownerId,
			coach_id: input.actor.userId,
			due_on: dueOn,
			created_at: at,
			completed_at: null,
			cancelled_at: null
		});
	});
	return { id, dueOn };
}
