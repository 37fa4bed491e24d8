import type { Actor } from '../../src/lib/domain/policies.ts';
import { QUESTIONS, tieField, type Level } from '../../src/lib/domain/teams/rules.ts';
import type { AppContext } from '../../src/lib/server/context.ts';
import { runDueJobs } from '../../src/lib/server/jobs/worker.ts';
import { listDevMailbox } from '../../src/lib/server/mail/mailer.ts';
import { saveCheckIn } from '../../src/lib/server/team-check-ins/check-in.ts';
import { inviteMember } from '../../src/lib/server/teams/invite-member.ts';
import { joinTeamWithNewAccount } from '../../src/lib/server/teams/join-team.ts';
import { createTeam } from '../../src/lib/server/teams/manage-team.ts';
import { FACTORY_PASSWORD } from './accounts.ts';
import { completeAssessment, type Lean } from './assessments.ts';

const base = 'http://localhost:3000';

/** The newest team-invitation link's token per address, from the dev mailbox. */
export async function teamTokens(ctx: AppContext): Promise<Map<string, string>> {
	await runDueJobs(ctx);
	const tokens = new Map<string, string>();
	for (const mail of await listDevMailbox(ctx)) {
		const match = mail.text_body.match(/\/teams\/join\/([A-Za-z0-9_-]{43})/);
		if (match && !tokens.has(mail.to_address)) tokens.set(mail.to_address, match[1]!);
	}
	return tokens;
}

export interface BuiltMember {
	userId: string;
	name: string;
	email: string;
	actor: Actor;
}

/**
 * A team run by `coach`, whose people were invited by email and joined with new accounts, all
 * through the real use-cases.
 */
export async function buildTeam(
	ctx: AppContext,
	coach: { userId: string; practiceId: string },
	names: readonly string[],
	teamName = 'Platform team'
): Promise<{ teamId: string; coachActor: Actor; members: BuiltMember[] }> {
	const coachActor: Actor = {
		userId: coach.userId,
		practices: { [coach.practiceId]: ['coach', 'admin'] }
	};
	const { id: teamId } = await createTeam(ctx, {
		actor: coachActor,
		practiceId: coach.practiceId,
		values: { name: teamName, description: 'Keeps the lights on' }
	});
	const emails = names.map(
		(n) => `${n.toLowerCase().replace(/\W+/g, '.')}.${teamId.slice(0, 6)}@example.com`
	);
	for (const [i, name] of names.entries())
		await inviteMember(ctx, {
			actor: coachActor,
			teamId,
			values: { name, email: emails[i]! },
			baseUrl: base
		});
	const tokens = await teamTokens(ctx);
	const members: BuiltMember[] = [];
	for (const [i, name] of names.entries()) {
		const token = tokens.get(emails[i]!)!;
		await joinTeamWithNewAccount(ctx, {
			token,
			values: { name, password: FACTORY_PASSWORD },
			address: `10.0.${i >> 8}.${i & 255}`
		});
		const user = await ctx.db
			.selectFrom('users')
			.select('id')
			.where('email', '=', emails[i]!)
			.executeTakeFirstOrThrow();
		members.push({
			userId: user.id,
			name,
			email: emails[i]!,
			actor: { userId: user.id, practices: {} }
		});
	}
	return { teamId, coachActor, members };
}

/**
 * One member checks in: takes the assessment on `date` (from their lean) and answers the survey
 * about every teammate — `often` help for those in `reliesOn`, `never` for the rest.
 */
export async function checkInAs(
	ctx: AppContext,
	input: {
		teamId: string;
		member: BuiltMember;
		teammates: readonly BuiltMember[];
		lean: Lean;
		reliesOn?: readonly string[];
		showDot?: boolean;
		date: Date;
	}
): Promise<void> {
	await completeAssessment(ctx, {
		userId: input.member.userId,
		practiceId: null,
		lean: input.lean,
		date: input.date
	});
	const values: Record<string, string> = { showDotAsked: 'yes' };
	if (input.showDot) values.showDot = 'yes';
	for (const mate of input.teammates) {
		if (mate.userId === input.member.userId) continue;
		const level: Level = input.reliesOn?.includes(mate.name) ? 'often' : 'never';
		for (const q of QUESTIONS) values[tieField(mate.userId, q)] = q === 'help' ? level : 'never';
	}
	await saveCheckIn(ctx, { actor: input.member.actor, teamId: input.teamId, values, finish: true });
}
