import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { invitedAccountSchema } from '../../domain/invitations.ts';
import { passwordProblem } from '../../domain/passwords.ts';
import { fieldErrors } from '../../domain/schemas/field-errors.ts';
import { createSession } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { takeAttempt } from '../rate-limit/rate-limit.ts';
import { hashPassword } from '../security/password-hash.ts';
import { findUserByEmail, insertUser } from '../users/repository.ts';
import { admit } from './admit.ts';
import { openInvitation } from './open-invitation.ts';

/**
 * Accepts an invitation by creating the account it was sent for. The address counts as
 * confirmed (the link arrived there), so the new member is signed in straight away.
 */
export async function acceptInvitation(
	ctx: Pick<AppContext, 'db' | 'now' | 'log' | 'dialect'>,
	input: {
		token: string;
		values: Record<string, string>;
		address: string;
		userAgent?: string | null;
	}
): Promise<{ userId: string; token: string; expiresAt: Date }> {
	const invitation = await openInvitation(ctx, input.token);
	const { row } = invitation;
	const parsed = invitedAccountSchema.safeParse(input.values);
	const fields = parsed.success ? {} : fieldErrors(parsed.error);
	const problem = passwordProblem(input.values.password ?? '', { email: row.email });
	if (problem) fields.password ??= problem;
	if (!parsed.success || Object.keys(fields).length)
		throw new DomainError('invalid_input', 'Please check the highlighted fields.', { fields });
	if (await findUserByEmail(ctx.db, row.email))
		throw new DomainError(
			'conflict',
			`There is already a Midpoint account for ${row.email}. Sign in with it, and you can join from this page.`
		);
	await takeAttempt(ctx, [{ name: 'signup:address', key: input.address }]);

	const at = ctx.now().toISOString();
	const userId = randomUUID();
	const passwordHash = await hashPassword(parsed.data.password);
	await admit(ctx, invitation, userId, (trx) =>
		insertUser(trx, {
			id: userId,
			email: row.email,
			name: parsed.data.name,
			password_hash: passwordHash,
			kind: row.role,
			created_at: at,
			password_changed_at: at,
			email_verified_at: at
		})
	);
	ctx.log.info({ userId, practiceId: row.practice_id }, 'invitation accepted');
	return { userId, ...(await createSession(ctx, userId, input)) };
}
