import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { clientFor } from '../practices/client-in-practice.ts';
import { cancelPendingReassessments } from './repository.ts';

/** The coach withdraws an open request; the notice leaves the client's home. */
export async function cancelReassessment(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; practiceId: string; clientId: string; reassessmentId: string }
): Promise<void> {
	const client = await clientFor(ctx.db, input.actor, input, 'reassessment.schedule');
	const cancelled = await cancelPendingReassessments(
		ctx.db,
		client.ownerId,
		ctx.now().toISOString(),
		input.reassessmentId
	);
	if (cancelled === 0) {
		throw new DomainError(
			'conflict',
			'This request is no longer open: it was already completed or cancelled.'
		);
	}
}
