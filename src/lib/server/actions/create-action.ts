import { randomUUID } from 'node:crypto';
import { todayFor } from '../../domain/actions/dates.ts';
import { MAX_OPEN_ACTIONS } from '../../domain/actions/kinds.ts';
import type { NewActionInput } from '../../domain/actions/schemas.ts';
import { dueDateProblem } from '../../domain/chosen-days.ts';
import { DomainError } from '../../domain/errors.ts';
import { sameMailbox } from '../../domain/mailbox.ts';
import { can, type Actor } from '../../domain/policies.ts';
import { clientResource } from '../assessments/access.ts';
import type { AppContext } from '../context.ts';
import { lockPersonForWrites } from '../db/locks.ts';
import { countOpenActions, findActionById, insertAction } from './repository.ts';
import { refreshClientSummary } from '../roster/refresh-client-summary.ts';
import { userCipher } from '../crypto/field-crypto.ts';
import { sealAction } from './sealed-action.ts';
import { findUserById } from '../users/repository.ts';

export const TOO_MANY_OPEN =
	'You already have three actions open. That is plenty to carry at once. Close one you are done with, then add this one. What you typed is still here.';

/**
 * Commits to an action. At most three are open at a time. The form's `key` becomes the id, so
 * pressing the button twice makes one action: the second press finds the first and returns it.
 */
export async function createAction(
	ctx: Pick<AppContext, 'db' | 'dialect' | 'now' | 'masterKey'>,
	input: { actor: Actor; action: NewActionInput }
): Promise<{ id: string; created: boolean }> {
	const userId = input.actor.userId;
	if (!can(input.actor, 'action.write', await clientResource(ctx.db, userId)))
		throw new DomainError('forbidden', 'You cannot add actions here.');
	const now = ctx.now();
	const today = todayFor(now);
	const { action } = input;
	if (action.schedule.type === 'date') {
		const problem = dueDateProblem(action.schedule.dueOn, today);
		if (problem) throw new DomainError('invalid_input', problem, { fields: { dueOn: problem } });
	}
	if (action.withEmail) {
		// The other person answers for themself: the client's own mailbox would let them confirm
		// their own action to their coach.
		const own = await findUserById(ctx.db, userId);
		if (own && sameMailbox(own.email, action.withEmail)) {
			const problem = `That is your own address. Give ${action.withName}'s address, or leave it empty.`;
			throw new DomainError('invalid_input', 'Please check the highlighted fields.', {
				fields: { withEmail: problem }
			});
		}
	}
	const cipher = await userCipher(ctx.db, ctx.masterKey, userId);
	const result = await ctx.db.transaction().execute(async (trx) => {
		// Serialise this person's commits, so two tabs cannot both take the third place.
		await lockPersonForWrites(trx, ctx.dialect, userId);
		let id: string = randomUUID();
		if (action.key) {
			const existing = await findActionById(trx, action.key);
			if (existing?.user_id === userId) return { id: existing.id, created: false };
			if (!existing) id = action.key;
		}
		if ((await countOpenActions(trx, userId)) >= MAX_OPEN_ACTIONS)
			throw new DomainError('conflict', TOO_MANY_OPEN);
		const at = now.toISOString();
		await insertAction(
			trx,
			sealAction(cipher, {
				id,
				user_id: userId,
				what: action.what,
				with_name: action.withName,
				with_email: action.withEmail,
				domain: action.domain,
				kind: action.kind,
				discipline: action.discipline,
				due_on: action.schedule.type === 'date' ? action.schedule.dueOn : null,
				weekday: action.schedule.type === 'weekly' ? action.schedule.weekday : null,
				starts_on: today,
				paused_until: null,
				suggestion_id: action.suggestionId,
				created_at: at,
				updated_at: at,
				closed_at: null
			})
		);
		return { id, created: true };
	});
	if (result.created) await refreshClientSummary(ctx, userId);
	return result;
}
