import { DomainError } from '../../domain/errors.ts';
import { spendOpenEmailTokens } from '../auth/repository.ts';
import type { AppContext } from '../context.ts';
import { hashToken } from '../security/tokens.ts';
import { recordSecurityEvent } from '../security-log/security-log.ts';
import { deleteSessionsOfUser } from '../sessions/repository.ts';
import { findUserByEmail, findUserById, updateUserEmail } from '../users/repository.ts';
import {
	findEmailChangeUndo,
	spendEmailChangeUndos,
	spendOpenEmailChanges,
	type EmailChangeUndoRow
} from './repository.ts';

const problems = {
	missing: 'This link is not valid. It may have been copied only in part.',
	used: 'This link has been used already: the change it undoes was undone once. Each link works once.',
	expired:
		'This link has expired: a change of address can be undone for 7 days. Ask your Midpoint operator for help.',
	taken:
		'Another account uses the old address now, so it cannot be put back. Ask your Midpoint operator for help.'
};

/** The undo a link stands for, without using it; a clear refusal when it cannot be used. */
export async function peekEmailChangeUndo(
	ctx: Pick<AppContext, 'db' | 'now'>,
	token: string
): Promise<EmailChangeUndoRow> {
	const row = token.length <= 100 ? await findEmailChangeUndo(ctx.db, hashToken(token)) : undefined;
	if (!row) throw new DomainError('not_found', problems.missing);
	if (row.used_at) throw new DomainError('gone', problems.used);
	if (row.expires_at <= ctx.now().toISOString()) throw new DomainError('gone', problems.expired);
	return row;
}

/**
 * Undoes an email change from the link sent to the old address (decision 0031): the old address
 * comes back, every session ends but the one using the link if it is the owner's, and links sent
 * to the new address (reset, another change) stop working. Whoever made the change may hold the
 * password, so the page says to reset it next.
 */
export async function undoEmailChange(
	ctx: AppContext,
	input: {
		token: string;
		currentSession?: { userId: string; tokenHash: string } | null;
		userAgent?: string | null;
	}
): Promise<{ oldEmail: string }> {
	const undo = await peekEmailChangeUndo(ctx, input.token);
	const user = await findUserById(ctx.db, undo.user_id);
	if (!user) throw new DomainError('not_found', problems.missing);
	const at = ctx.now().toISOString();
	const keep =
		input.currentSession?.userId === user.id ? input.currentSession.tokenHash : undefined;
	await ctx.db.transaction().execute(async (trx) => {
		if (!(await spendEmailChangeUndos(trx, user.id, undo.token_hash, at)))
			throw new DomainError('gone', problems.used);
		const holder = await findUserByEmail(trx, undo.old_email);
		if (holder && holder.id !== user.id) throw new DomainError('conflict', problems.taken);
		await updateUserEmail(trx, user.id, undo.old_email, at);
		await spendOpenEmailChanges(trx, user.id, at);
		await spendOpenEmailTokens(trx, user.id, 'reset-password', at);
		await deleteSessionsOfUser(trx, user.id, keep);
		await recordSecurityEvent(
			{ ...ctx, db: trx },
			{ userId: user.id, kind: 'email-change-undone', userAgent: input.userAgent ?? null }
		);
	});
	return { oldEmail: undo.old_email };
}
