import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { createAccount } from '../auth/sign-up.ts';
import { hashPassword } from '../security/password-hash.ts';
import { addMembership } from '../users/practices-repository.ts';
import { findUserByEmail } from '../users/repository.ts';
import { seedDemoAssessment, type DemoLean } from './seed-demo-assessments.ts';

/** One shared password for the demo accounts, printed by `midpoint demo` and the first-run page. */
export const DEMO_PASSWORD = 'midpoint-demo-practice';

export interface DemoAccount {
	role: string;
	name: string;
	email: string;
}

const coach = { name: 'Rosa Delgado', email: 'rosa@demo.midpoint.local' };
// Each demo client's answers three months ago and last week: most have moved towards the midpoint.
const clients: { name: string; email: string; before: DemoLean; after: DemoLean }[] = [
	{
		name: 'Amara Osei',
		email: 'amara@demo.midpoint.local',
		before: { DEP: 2, IND: 5, MUT: 2 },
		after: { DEP: 2, IND: 3, MUT: 4 }
	},
	{
		name: 'Ben Whitaker',
		email: 'ben@demo.midpoint.local',
		before: { DEP: 5, IND: 2, MUT: 3 },
		after: { DEP: 4, IND: 2, MUT: 3 }
	},
	{
		name: 'Chen Li',
		email: 'chen@demo.midpoint.local',
		before: { DEP: 3, IND: 3, MUT: 4 },
		after: { DEP: 3, IND: 3, MUT: 5 }
	},
	{
		name: 'Dana Kowalski',
		email: 'dana@demo.midpoint.local',
		before: { DEP: 4, IND: 4, MUT: 2 },
		after: { DEP: 3, IND: 3, MUT: 3 }
	},
	{
		name: 'Elif Yilmaz',
		email: 'elif@demo.midpoint.local',
		before: { DEP: 1, IND: 4, MUT: 3 },
		after: { DEP: 2, IND: 4, MUT: 3 }
	},
	{
		name: 'Farid Haddad',
		email: 'farid@demo.midpoint.local',
		before: { DEP: 4, IND: 1, MUT: 3 },
		after: { DEP: 3, IND: 2, MUT: 4 }
	}
];
const selfGuided = { name: 'Grace Mbeki', email: 'grace@demo.midpoint.local' };

export function demoAccounts(): DemoAccount[] {
	return [
		{ role: 'Coach and practice admin', ...coach },
		...clients.map((c) => ({ role: 'Client of Rosa', name: c.name, email: c.email })),
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
	const day = 24 * 60 * 60 * 1000;
	const now = ctx.now().getTime();
	for (const [i, client] of clients.entries()) {
		const { userId } = await createAccount(ctx, {
			kind: 'client',
			name: client.name,
			email: client.email,
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
		const common = { userId, practiceId: practiceId!, seed: i };
		await seedDemoAssessment(ctx, {
			...common,
			lean: client.before,
			date: new Date(now - (95 - i) * day)
		});
		await seedDemoAssessment(ctx, {
			...common,
			lean: client.after,
			date: new Date(now - (8 - i) * day)
		});
	}
	await createAccount(ctx, { kind: 'client', ...selfGuided, passwordHash, verified: true });
	ctx.log.info('demo practice seeded');
	return { created: true, accounts: demoAccounts() };
}
