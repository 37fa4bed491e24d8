import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { createAccount } from '../auth/sign-up.ts';
import { hashPassword } from '../security/password-hash.ts';
import { addMembership } from '../users/practices-repository.ts';
import { findUserByEmail } from '../users/repository.ts';

/** One shared password for the demo accounts, printed by `midpoint demo` and the first-run page. */
export const DEMO_PASSWORD = 'midpoint-demo-practice';

export interface DemoAccount {
	role: string;
	name: string;
	email: string;
}

const coach = { name: 'Rosa Delgado', email: 'rosa@demo.midpoint.local' };
const clients = [
	{ name: 'Amara Osei', email: 'amara@demo.midpoint.local' },
	{ name: 'Ben Whitaker', email: 'ben@demo.midpoint.local' },
	{ name: 'Chen Li', email: 'chen@demo.midpoint.local' },
	{ name: 'Dana Kowalski', email: 'dana@demo.midpoint.local' },
	{ name: 'Elif Yilmaz', email: 'elif@demo.midpoint.local' },
	{ name: 'Farid Haddad', email: 'farid@demo.midpoint.local' }
];
const selfGuided = { name: 'Grace Mbeki', email: 'grace@demo.midpoint.local' };

export function demoAccounts(): DemoAccount[] {
	return [
		{ role: 'Coach and practice admin', ...coach },
		...clients.map((c) => ({ role: 'Client of Rosa', ...c })),
		{ role: 'Self-guided client', ...selfGuided }
	];
}

/**
 * Seeds the demo practice through the same use-cases the app uses. Running it twice changes
 * nothing: it reports that the demo exists.
 */
export async function seedDemo(
	ctx: AppContext
): Promise<{ created: boolean; accounts: DemoAccount[] }> {
	if (await findUserByEmail(ctx.db, coach.email))
		return { created: false, accounts: demoAccounts() };
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const { userId: coachId, practiceId } = await createAccount(ctx, {
		kind: 'coach',
		...coach,
		passwordHash,
		practiceName: 'Harbour Coaching',
		verified: true
	});
	for (const client of clients) {
		const { userId } = await createAccount(ctx, {
			kind: 'client',
			...client,
			passwordHash,
			verified: true
		});
		await addMembership(ctx.db, {
			id: randomUUID(),
			practiceId: practiceId!,
			userId,
			role: 'client',
			coachId,
			at: ctx.now().toISOString()
		});
	}
	await createAccount(ctx, { kind: 'client', ...selfGuided, passwordHash, verified: true });
	ctx.log.info('demo practice seeded');
	return { created: true, accounts: demoAccounts() };
}
