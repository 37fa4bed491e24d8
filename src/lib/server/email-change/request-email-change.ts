import { DomainError } from '../../domain/errors.ts';
import { checkOwnPassword } from '../auth/reauthenticate.ts';
import type { SignedIn } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { enqueueJob } from '../jobs/queue.ts';
import {
	emailChangeAskedEmail,
	emailChangeLinkEmail,
	emailTakenEmail
} from '../mail/account-security-email.ts';
import { takeAttempt } from '../rate-limit/rate-limit.ts';
import { newToken } from '../security/tokens.ts';
import { findUserByEmail, normaliseEmail } from '../users/repository.ts';
import { insertEmailChange, spendOpenEmailChanges } from './repository.ts';
import { recordSecurityEvent } from '../security-log/security-log.ts';

export const EMAIL_CHANGE_LINK_MS = 24 * 60 * 60 * 1000;
export const SAME_ADDRESS = 'That is already the address of your account.';

/**
 * Asks for a new address, on the password (decision 0031). A link goes to the new address, a
 * notice to the old one; nothing changes until the link is used. An address that belongs to
 * another account gets an email saying so instead of a link, and the asker sees the same answer
 * as for a free one: this form must not tell whoever holds a session which addresses have accounts.
 */
export async function requestEmailChange(
	ctx: AppContext,
	input: {
		signedIn: SignedIn;
		newEmail: string;
		password: string;
		baseUrl: string;
		userAgent?: string | null;
	}
): Promise<{ sentTo: string }> {
	const { user } = input.signedIn;
	const newEmail = normaliseEmail(input.newEmail);
	if (newEmail === normaliseEmail(user.email))
		throw new DomainError('invalid_input', SAME_ADDRESS, { fields: { newEmail: SAME_ADDRESS } });
	await checkOwnPassword(ctx, input.signedIn, input.password);
	await takeAttempt(ctx, [{ name: 'email-change:user', key: user.id }]);
	const now = ctx.now();
	const taken = await findUserByEmail(ctx.db, newEmail);
	await ctx.db.transaction().execute(async (trx) => {
		await spendOpenEmailChanges(trx, user.id, now.toISOString());
		const db = { ...ctx, db: trx };
		if (taken) {
			await enqueueJob(db, 'email', emailTakenEmail(newEmail, `${input.baseUrl}/login`));
		} else {
			const { token, hash } = newToken();
			await insertEmailChange(trx, {
				token_hash: hash,
				user_id: user.id,
				new_email: newEmail,
				created_at: now.toISOString(),
				expires_at: new Date(now.getTime() + EMAIL_CHANGE_LINK_MS).toISOString()
			});
			const link = `${input.baseUrl}/account/email/confirm/${token}`;
			await enqueueJob(db, 'email', emailChangeLinkEmail(newEmail, user.name, link));
		}
		await enqueueJob(db, 'email', emailChangeAskedEmail(user.email, user.name, newEmail));
	});
	const userAgent = input.userAgent ?? null;
	await recordSecurityEvent(ctx, { userId: user.id, kind: 'email-change-asked', userAgent });
	return { sentTo: newEmail };
}
