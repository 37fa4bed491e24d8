import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { passwordProblem } from '../../domain/passwords.ts';
import type { AppContext } from '../context.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { accountExistsEmail, confirmEmail } from '../mail/templates.ts';
import { hashPassword } from '../security/password-hash.ts';
import { addMembership, insertPractice } from '../practices/repository.ts';
import { findUserByEmail, insertUser, normaliseEmail } from '../users/repository.ts';
import { takeAttempt } from '../rate-limit/rate-limit.ts';
import { issueEmailToken } from './email-tokens.ts';

export interface SignUpInput {
	kind: 'coach' | 'client';
	name: string;
	email: string;
	password: string;
	practiceName?: string;
	address: string;
	baseUrl: string;
}

/**
 * Creates the account (and, for a coach, their practice) and emails a confirmation link.
 * When the address is taken, it emails the owner instead: the answer on screen is the same
 * either way, so an outsider cannot learn who has an account.
 */
export async function signUp(ctx: AppContext, input: SignUpInput): Promise<void> {
	const problem = passwordProblem(input.password, { email: input.email });
	if (problem) throw new DomainError('invalid_input', problem, { fields: { password: problem } });
	await takeAttempt(ctx, [{ name: 'signup:address', key: input.address }]);

	const email = normaliseEmail(input.email);
	// Hashed on both paths: skipping it for a taken address made that answer come back sooner.
	const passwordHash = await hashPassword(input.password);
	const existing = await findUserByEmail(ctx.db, email);
	if (existing) {
		const message = accountExistsEmail(email, existing.name, `${input.baseUrl}/login`);
		await enqueueJob(ctx, 'email', message);
		return;
	}
	await createAccount(ctx, { ...input, email, passwordHash, verified: false });
	const user = await findUserByEmail(ctx.db, email);
	if (!user) return;
	const token = await issueEmailToken(ctx, user.id, 'confirm-email');
	await enqueueJob(
		ctx,
		'email',
		confirmEmail(email, input.name, `${input.baseUrl}/confirm-email/${token}`)
	);
}

/** Inserts the user, and for a coach a practice they administer and coach in, in one transaction. */
export async function createAccount(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: {
		kind: 'coach' | 'client';
		name: string;
		email: string;
		passwordHash: string;
		practiceName?: string;
		verified: boolean;
	}
): Promise<{ userId: string; practiceId: string | null }> {
	const at = ctx.now().toISOString();
	const userId = randomUUID();
	const practiceId = input.kind === 'coach' ? randomUUID() : null;
	await ctx.db.transaction().execute(async (trx) => {
		await insertUser(trx, {
			id: userId,
			email: input.email,
			name: input.name.trim(),
			password_hash: input.passwordHash,
			kind: input.kind,
			created_at: at,
			password_changed_at: at,
			email_verified_at: input.verified ? at : null
		});
		if (practiceId) {
			await insertPractice(trx, {
				id: practiceId,
				name: input.practiceName?.trim() || `${input.name}'s practice`,
				created_at: at
			});
			for (const role of ['admin', 'coach'] as const) {
				await addMembership(trx, { id: randomUUID(), practiceId, userId, role, at });
			}
		}
	});
	return { userId, practiceId };
}
