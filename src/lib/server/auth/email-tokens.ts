import type { AppContext } from '../context.ts';
import type { EmailTokenPurpose, User } from '../db/types.ts';
import { hashToken, newToken } from '../security/tokens.ts';
import { DomainError } from '../../domain/errors.ts';
import { findEmailToken, insertEmailToken, markEmailTokenUsed } from './repository.ts';

export const EMAIL_TOKEN_LIFETIME_MS: Record<EmailTokenPurpose, number> = {
	'reset-password': 60 * 60 * 1000,
	'confirm-email': 48 * 60 * 60 * 1000
};

export async function issueEmailToken(
	ctx: Pick<AppContext, 'db' | 'now'>,
	userId: string,
	purpose: EmailTokenPurpose
): Promise<string> {
	const now = ctx.now();
	const { token, hash } = newToken();
	await insertEmailToken(ctx.db, {
		token_hash: hash,
		user_id: userId,
		purpose,
		created_at: now.toISOString(),
		expires_at: new Date(now.getTime() + EMAIL_TOKEN_LIFETIME_MS[purpose]).toISOString()
	});
	return token;
}

const problems = {
	missing: 'This link is not valid. It may have been copied only in part.',
	used: 'This link has already been used. Each link works once.',
	expired: 'This link has expired.'
};

/** Finds the user a link belongs to without using it up; throws a friendly error when it cannot be used. */
export async function peekEmailToken(
	ctx: Pick<AppContext, 'db' | 'now'>,
	token: string,
	purpose: EmailTokenPurpose
): Promise<User> {
	const row = await findEmailToken(ctx.db, hashToken(token), purpose);
	if (!row) throw new DomainError('not_found', problems.missing);
	if (row.used_at) throw new DomainError('gone', problems.used);
	if (row.expires_at <= ctx.now().toISOString()) throw new DomainError('gone', problems.expired);
	const { expires_at: _e, used_at: _u, ...user } = row;
	return user;
}

/** Marks a link used; false if another request used it first (double submit). */
export async function consumeEmailToken(
	ctx: Pick<AppContext, 'db' | 'now'>,
	token: string
): Promise<boolean> {
	return markEmailTokenUsed(ctx.db, hashToken(token), ctx.now().toISOString());
}

export const usedLinkError = () => new DomainError('gone', problems.used);
