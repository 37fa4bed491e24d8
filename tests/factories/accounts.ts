import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../src/lib/server/context.ts';
import { createAccount } from '../../src/lib/server/auth/sign-up.ts';
import { hashPassword } from '../../src/lib/server/security/password-hash.ts';
import { addMembership } from '../../src/lib/server/practices/repository.ts';

export const FACTORY_PASSWORD = 'a quiet walk by the river';
let passwordHash: Promise<string> | undefined;
let counter = 0;

function unique(prefix: string) {
	counter++;
	return `${prefix}-${counter}-${randomUUID().slice(0, 6)}`;
}

/** A confirmed coach with their own practice, built through the real use-case. */
export async function buildCoach(
	ctx: AppContext,
	overrides: { name?: string; email?: string; practiceName?: string } = {}
) {
	passwordHash ??= hashPassword(FACTORY_PASSWORD);
	const email = overrides.email ?? `${unique('coach')}@example.com`;
	const name = overrides.name ?? 'Casey Coach';
	const { userId, practiceId } = await createAccount(ctx, {
		kind: 'coach',
		name,
		email,
		passwordHash: await passwordHash,
		practiceName: overrides.practiceName ?? 'Test Practice',
		verified: true
	});
	return { userId, practiceId: practiceId!, email, name };
}

/** A confirmed client; with `coach`, a member of that coach's practice. */
export async function buildClient(
	ctx: AppContext,
	overrides: { name?: string; email?: string; coach?: { userId: string; practiceId: string } } = {}
) {
	passwordHash ??= hashPassword(FACTORY_PASSWORD);
	const email = overrides.email ?? `${unique('client')}@example.com`;
	const name = overrides.name ?? 'Robin Client';
	const { userId } = await createAccount(ctx, {
		kind: 'client',
		name,
		email,
		passwordHash: await passwordHash,
		verified: true
	});
	if (overrides.coach) {
		await addMembership(ctx.db, {
			id: randomUUID(),
			practiceId: overrides.coach.practiceId,
			userId,
			role: 'client',
			coachId: overrides.coach.userId,
			at: ctx.now().toISOString()
		});
	}
	return { userId, email, name };
}
