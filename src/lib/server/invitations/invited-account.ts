import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { invitedAccountSchema } from '../../domain/invitations.ts';
import { passwordProblem } from '../../domain/passwords.ts';
import { fieldErrors } from '../../domain/schemas/field-errors.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/create-db.ts';
import { takeAttempt } from '../rate-limit/rate-limit.ts';
import { hashPassword } from '../security/password-hash.ts';
import { findUserByEmail, insertUser } from '../users/repository.ts';

/**
 * The account someone makes from an invitation (a practice's or a team's): the name and password
 * they typed are checked, an address that already has an account is sent to sign in, and the
 * sign-up limit per network address is counted. Nothing is written here: `create` inserts the
 * account inside the caller's transaction, beside the membership it comes with. The address
 * counts as confirmed, since the link reached it.
 */
export async function prepareInvitedAccount(
	ctx: Pick<AppContext, 'db' | 'now' | 'dialect'>,
	input: {
		email: string;
		kind: 'coach' | 'client';
		values: Record<string, string>;
		address: string;
	}
): Promise<{ userId: string; create: (trx: Db) => Promise<void> }> {
	const parsed = invitedAccountSchema.safeParse(input.values);
	const fields = parsed.success ? {} : fieldErrors(parsed.error);
	const problem = passwordProblem(input.values.password ?? '', { email: input.email });
	if (problem) fields.password ??= problem;
	if (!parsed.success || Object.keys(fields).length)
		throw new DomainError('invalid_input', 'Please check the highlighted fields.', { fields });
	if (await findUserByEmail(ctx.db, input.email))
		throw new DomainError(
			'conflict',
			`There is already a Midpoint account for ${input.email}. Sign in with it, and you can join from this page.`
		);
	await takeAttempt(ctx, [{ name: 'signup:address', key: input.address }]);
	const at = ctx.now().toISOString();
	const userId = randomUUID();
	const passwordHash = await hashPassword(parsed.data.password);
	return {
		userId,
		create: (trx) =>
			insertUser(trx, {
				id: userId,
				email: input.email,
				name: parsed.data.name,
				password_hash: passwordHash,
				kind: input.kind,
				created_at: at,
				password_changed_at: at,
				email_verified_at: at
			})
	};
}
