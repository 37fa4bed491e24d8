import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { clearCoachSeen } from '../roster/repository.ts';
import { deleteClientMembership, findClientMembership } from './repository.ts';

/**
 * A client leaves their practice. Their records stay theirs, untouched; only the membership goes,
 * and with it every way the former coach (and the practice) could see them.
 */
export async function leavePractice(
	ctx: Pick<AppContext, 'db' | 'log'>,
	input: { actor: Actor; confirmed: boolean }
): Promise<{ practiceName: string }> {
	const userId = input.actor.userId;
	if (!can(input.actor, 'account.update', { ownerId: userId }))
		throw new DomainError('forbidden', 'Only you can change your own account.');
	const membership = await findClientMembership(ctx.db, userId);
	if (!membership)
		throw new DomainError(
			'not_found',
			'You are not a client of any practice at the moment, so there is nothing to leave.'
		);
	if (!input.confirmed) {
		const message = `Tick the box to confirm that you want to leave ${membership.practiceName}.`;
		throw new DomainError('invalid_input', message, { fields: { confirm: message } });
	}
	await ctx.db.transaction().execute(async (trx) => {
		await deleteClientMembership(trx, membership.id);
		// "Seen by the coach" belonged to that coach; a future coach starts with everything new.
		await clearCoachSeen(trx, userId);
	});
	ctx.log.info({ userId, practiceId: membership.practiceId }, 'client left practice');
	return { practiceName: membership.practiceName };
}
