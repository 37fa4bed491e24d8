import { deleteJobs, lastJobId, listQueuedEmailsAfter } from '../jobs/queue.ts';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { createAccount } from '../auth/sign-up.ts';
import { setDigestMode } from '../digest/set-digest-mode.ts';
import { setReminderMode } from '../reminders/set-reminder-mode.ts';
import { refreshClientSummary } from '../roster/refresh-client-summary.ts';
import { hashPassword } from '../security/password-hash.ts';
import { addMembership } from '../practices/repository.ts';
import { findUserByEmail } from '../users/repository.ts';
import { demoClients, demoPractice, demoSelfGuided } from '../../content/demo/demo-practice.ts';
import type { DemoPerson } from '../../content/demo/schema.ts';
import { DemoTimeline } from './demo-timeline.ts';
import { planConversations } from './seed-demo-conversations.ts';
import { planHistory } from './seed-demo-history.ts';
import { seedDemoFeedback } from './seed-demo-feedback.ts';
// Teams (issue 12)
import { seedDemoTeam } from './seed-demo-team.ts';
// Programs (issue 14)
import { seedDemoProgram } from './seed-demo-program.ts';

/** One shared password for the demo accounts, printed by `midpoint demo` and the first-run page. */
export const DEMO_PASSWORD = 'midpoint-demo-practice';

export interface DemoAccount {
	role: string;
	name: string;
	email: string;
}

export function demoAccounts(): DemoAccount[] {
	const { name, email } = demoPractice.coach;
	return [
		{ role: 'Coach and practice admin', name, email },
		...demoClients.map((c) => ({ role: 'Client of Rosa', name: c.name, email: c.email })),
		{ role: 'Self-guided client', name: demoSelfGuided.name, email: demoSelfGuided.email }
	];
}

/** Two clicks on the first-run page at once make one demo, not a clash (per database). */
const seeding = new WeakMap<object, Promise<boolean>>();

/**
 * Seeds the demo practice: Rosa, her six clients with months of history, and Grace, who works
 * on her own. Everything goes through the app's use-cases with the clock set back to when it
 * happened, so it is encrypted, checked and summarised exactly like real data. Running it again
 * changes nothing: it reports that the demo exists.
 */
export async function seedDemo(
	ctx: AppContext
): Promise<{ created: boolean; accounts: DemoAccount[] }> {
	let run = seeding.get(ctx.db);
	if (!run) {
		run = seedOnce(ctx).finally(() => seeding.delete(ctx.db));
		seeding.set(ctx.db, run);
	}
	return { created: await run, accounts: demoAccounts() };
}

async function seedOnce(ctx: AppContext): Promise<boolean> {
	const { coach: demoCoach } = demoPractice;
	if (await findUserByEmail(ctx.db, demoCoach.email)) return false;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const jobsBefore = await lastJobId(ctx);
	const timeline = new DemoTimeline(ctx.now());
	const joined = (person: { joinedDaysAgo: number }): AppContext => ({
		...ctx,
		now: () => new Date(timeline.at(person.joinedDaysAgo, 9, 5))
	});

	const { userId: coachId, practiceId } = await createAccount(joined(demoCoach), {
		kind: 'coach',
		name: demoCoach.name,
		email: demoCoach.email,
		passwordHash,
		practiceName: demoPractice.name,
		verified: true
	});
	const practice = practiceId!;
	const coach: Actor = { userId: coachId, practices: { [practice]: ['admin', 'coach'] } };
	await setDigestMode(joined(demoCoach), { actor: coach, mode: 'off' });

	for (const [seed, client] of demoClients.entries()) {
		const at = joined(client);
		const { userId } = await createAccount(at, {
			kind: 'client',
			...nameOf(client),
			passwordHash,
			verified: true
		});
		await addMembership(ctx.db, {
			id: randomUUID(),
			practiceId: practice,
			userId,
			role: 'client',
			coachId,
			at: at.now().toISOString()
		});
		const actor: Actor = { userId, practices: { [practice]: ['client'] } };
		await quietReminders(at, actor);
		const subjects = planHistory(timeline, { person: client, actor, seed });
		planConversations(timeline, {
			client,
			clientActor: actor,
			coach,
			practiceId: practice,
			subjects
		});
		await timeline.run(ctx);
		await refreshClientSummary(ctx, userId);
		// Feedback rounds (issue 11): one released weeks ago, and for some one open now.
		await seedDemoFeedback(ctx, { userId, index: seed, timeline });
	}

	const at = joined(demoSelfGuided);
	const { userId } = await createAccount(at, {
		kind: 'client',
		...nameOf(demoSelfGuided),
		passwordHash,
		verified: true
	});
	const actor: Actor = { userId, practices: {} };
	await quietReminders(at, actor);
	planHistory(timeline, { person: demoSelfGuided, actor, seed: demoClients.length });
	await timeline.run(ctx);
	// Teams (issue 12): Rosa also runs a team of eight colleagues, with two check-ins.
	await seedDemoTeam(ctx, { timeline, practiceId: practice, coachId, passwordHash });
	// Programs (issue 14): Rosa's own program, three of her clients at different steps of it.
	await seedDemoProgram(ctx, { timeline, practiceId: practice, coach });
	await discardDemoMail(ctx, jobsBefore);
	ctx.log.info('demo practice seeded');
	return true;
}

const nameOf = (person: DemoPerson) => ({ name: person.name, email: person.email });

/**
 * The demo people's addresses lead nowhere, so they get no reminder emails (nor Rosa her
 * digest): otherwise the first start would fill the dev mailbox with reminders for their overdue
 * report-backs, burying the mail of whoever is trying Midpoint out. Each can turn them on again
 * in their settings.
 */
async function quietReminders(ctx: AppContext, actor: Actor): Promise<void> {
	await setReminderMode(ctx, { actor, mode: 'off' });
}

/**
 * Rosa's replies queued an email to the client each time, as they should. In the demo those
 * emails belong to a made-up past and go to addresses that lead nowhere: they are dropped unsent,
 * so the dev mailbox starts empty.
 */
async function discardDemoMail(ctx: AppContext, afterJobId: number): Promise<void> {
	const queued = await listQueuedEmailsAfter(ctx, afterJobId);
	const demo = queued.filter((j) => j.to.endsWith('@demo.midpoint.local')).map((j) => j.id);
	await deleteJobs(ctx, demo);
}
