import { DomainError } from '../../domain/errors.ts';
import { spendOpenEmailTokens } from '../auth/repository.ts';
import type { AppContext } from '../context.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { emailChangedEmail } from '../mail/account-security-email.ts';
import { hashToken, newToken } from '../security/tokens.ts';
import { recordSecurityEvent } from '../security-log/security-log.ts';
import { findUserByEmail, findUserById, updateUserEmail } from '../users/repository.ts';
import {
	findEmailChange,
	insertEmailChangeUndo,
	markEmailChangeUsed,
	spendOpenEmailChanges,
	type EmailChangeRow
} from './repository.ts';

const problems = {
	missing: 'This link is not valid. It may have been copied only in part.',
	used: 'This link has been used already, or a newer change replaced it. Each link works once.',
	expired:
		'This link has expired: links to change an address work for 24 hours. Ask for a new one on your account page.',
	taken:
		'Another account has taken this address since the link was sent, so nothing was changed. Choose another address on your account page.'
};

/** The change a link stands for, without using it; a friendly refusal when it cannot be used. */
export async function peekEmailChange(
	ctx: Pick<AppContext, 'db' | 'now'>,
	token: string
): Promise<EmailChangeRow> {
	const row = token.length <= 100 ? await findEmailChange(ctx.db, hashToken(token)) : undefined;
	if (!row) throw new DomainError('not_found', problems.missing);
	if (row.used_at) throw new DomainError('gone', problems.used);
	if (row.expires_at <= ctx.now().toISOString()) throw new DomainError('gone', problems.expired);
	return row;
}

export const EMAIL_CHANGE_UNDO_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Uses the link: the account takes the new address (confirmed by the link) and the old one gets
 * a last notice with a link that undoes the change for 7 days. Sessions are kept, this one and the others: the password did not change, and
 * the person can end any of them from the sessions list (decision 0031). Reset links sent to the
 * old address stop working, so the old mailbox no longer opens the account.
 */
export async function confirmEmailChange(
	ctx: AppContext,
	input: { token: string; baseUrl: string; userAgent?: string | null }
): Promise<{ newEmail: string }> {
	const change = await peekEmailChange(ctx, input.token);
	const user = await findUserById(ctx.db, change.user_id);
	if (!user) throw new DomainError('not_found', problems.missing);
	const at = ctx.now().toISOString();
	await ctx.db.transaction().execute(async (trx) => {
		if (!(await markEmailChangeUsed(trx, change.token_hash, at)))
			throw new DomainError('gone', problems.used);
		if (await findUserByEmail(trx, change.new_email))
			throw new DomainError('conflict', problems.taken);
		await updateUserEmail(trx, user.id, change.new_email, at);
		await spendOpenEmailChanges(trx, user.id, at);
		await spendOpenEmailTokens(trx, user.id, 'reset-password', at);
		await recordSecurityEvent(
			{ ...ctx, db: trx },
			{ userId: user.id, kind: 'email-changed', userAgent: input.userAgent ?? null }
		);
		const undo = newToken();
		await insertEmailChangeUndo(trx, {
			token_hash: undo.hash,
			user_id: user.id,
			old_email: user.email,
			created_at: at,
			expires_at: new Date(ctx.now().getTime() + EMAIL_CHANGE_UNDO_MS).toISOString()
		});
		const undoLink = `${input.baseUrl}/account/email/undo/${undo.token}`;
		await enqueueJob(
			{ ...ctx, db: trx },
			'email',
			emailChangedEmail(user.email, user.name, change.new_email, undoLink)
		);
	});
	ctx.log.info({ userId: user.id }, 'email address changed');
	return { newEmail: change.new_email };
}
