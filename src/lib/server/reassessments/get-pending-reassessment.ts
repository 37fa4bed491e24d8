import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { findPendingReassessment } from './repository.ts';

/** The retake the actor's coach asked them for, if one is open: one small query for the home page. */
export async function getPendingReassessment(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor }
): Promise<{ id: string; dueOn: string } | null> {
	const row = await findPendingReassessment(ctx.db, input.actor.userId);
	return row ? { id: row.id, dueOn: row.due_on } : null;
}
