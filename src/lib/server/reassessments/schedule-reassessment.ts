import { randomUUID } from 'node:crypto';
import { todayFor } from '../../domain/actions/dates.ts';
import { dueDateProblem } from '../../domain/chosen-days.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { clientFor } from '../practices/client-in-practice.ts';
import { cancelPendingReassessments, insertReassessment } from './repository.ts';

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
	const problem = dueDateProblem(
		dueOn,
		todayFor(ctx.now()),
		'Pick the day by which you would like them to retake it.'
	);
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
