import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { sameMailbox } from '../../domain/mailbox.ts';
import type { Actor } from '../../domain/policies.ts';
import { actionFor, requireOpen } from '../actions/access.ts';
import type { AppContext } from '../context.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { counterpartEmail } from '../mail/counterpart-email.ts';
import { newToken } from '../security/tokens.ts';
import { findUserById } from '../users/repository.ts';
import { insertConfirmation, listConfirmationsOf } from './repository.ts';
import { scheduleOf } from '../actions/view.ts';
import { askRefusal } from '../../domain/actions/asking.ts';
import { describeSchedule } from '../../domain/actions/schedule.ts';
import { todayFor } from '../../domain/actions/dates.ts';
import { userCipher } from '../crypto/field-crypto.ts';
import { openAction } from '../actions/sealed-action.ts';
import { sealSentTo } from './sealed-confirmation.ts';

export const CONFIRMATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * Emails the person on the other side of an action a link to say whether it happened and how
 * mutual it felt. How often is askRefusal's: nobody is sent emails by the dozen.
 */
export async function askCounterpart(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	input: { actor: Actor; actionId: string; baseUrl: string }
): Promise<{ sentTo: string; expiresAt: string }> {
	const sealed = await actionFor(ctx.db, input.actor, input.actionId, 'action.write');
	const cipher = await userCipher(ctx.db, ctx.masterKey, sealed.user_id);
	const action = openAction(cipher, sealed);
	requireOpen(action);
	if (!action.with_email) {
		throw new DomainError(
			'invalid_input',
			`This action has no email address for ${action.with_name}, so Midpoint cannot ask them. Add one when you make your next action.`
		);
	}
	const owner = await findUserById(ctx.db, action.user_id);
	if (owner && sameMailbox(owner.email, action.with_email))
		throw new DomainError(
			'invalid_input',
			`The address for ${action.with_name} is your own, so the answer would be yours. ${action.with_name} answers for themself.`
		);
	const now = ctx.now();
	const schedule = scheduleOf(action);
	const refused = askRefusal(
		await listConfirmationsOf(ctx.db, action.id),
		schedule.type,
		now,
		action.with_name
	);
	if (refused) throw new DomainError('conflict', refused);
	const { token, hash } = newToken();
	const expiresAt = new Date(now.getTime() + CONFIRMATION_LIFETIME_MS).toISOString();
	const id = randomUUID();
	await insertConfirmation(ctx.db, {
		id,
		action_id: action.id,
		token_hash: hash,
		sent_to: sealSentTo(cipher, id, action.with_email),
		created_at: now.toISOString(),
		expires_at: expiresAt,
		answered_at: null,
		happened: null,
		mutuality: null,
		comment: null
	});
	const link = `${input.baseUrl}/confirm/${token}`;
	await enqueueJob(
		ctx,
		'email',
		counterpartEmail({
			to: action.with_email,
			withName: action.with_name,
			clientName: owner?.name ?? 'Someone',
			what: action.what,
			when: describeSchedule(schedule, todayFor(now)),
			link
		})
	);
	return { sentTo: action.with_email, expiresAt };
}
