import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { clearCoachSeen } from '../roster/repository.ts';
import { recordSecurityEvent } from '../security-log/security-log.ts';
import { deleteClientOfPractice, listClientsOfPractice } from './repository.ts';

export const CLIENT_GONE = 'That client is no longer in the practice.';

/**
 * An admin takes a client out of the practice (decision 0031): the same as the client leaving by
 * themself. Their account and everything they wrote stay theirs; only the membership goes, and
 * with it every way the coach and the practice could see them. They can be invited again.
 */
export async function deactivateClient(
	ctx: Pick<AppContext, 'db' | 'now' | 'log'>,
	input: { actor: Actor; practiceId: string; clientId: string; confirmed: boolean }
): Promise<{ name: string }> {
	const { actor, practiceId, clientId } = input;
	if (!can(actor, 'practice.staff.manage', { practiceId }))
		throw new DomainError('forbidden', 'Only an admin of this practice can change its members.');
	const client = (await listClientsOfPractice(ctx.db, practiceId)).find(
		(c) => c.userId === clientId
	);
	if (!client) {
		const message = 'Choose one of the clients of the practice.';
		throw new DomainError('invalid_input', message, { fields: { client: message } });
	}
	if (!input.confirmed) {
		const message = `Tick the box to confirm that ${client.name} leaves the practice.`;
		throw new DomainError('invalid_input', message, { fields: { confirmClient: message } });
	}
	await ctx.db.transaction().execute(async (trx) => {
		if (!(await deleteClientOfPractice(trx, practiceId, clientId)))
			throw new DomainError('not_found', CLIENT_GONE);
		// "Seen by the coach" belonged to that coach; a future coach starts with everything new.
		await clearCoachSeen(trx, clientId);
		await recordSecurityEvent(
			{ ...ctx, db: trx },
			{ userId: clientId, kind: 'client-deactivated', practiceId, actorId: actor.userId }
		);
	});
	return { name: client.name };
}
