import { randomUUID } from 'node:crypto';
import { demoTeam } from '../../content/demo/team/demo-team.ts';
import { QUESTIONS, type Level, type Question } from '../../domain/teams/rules.ts';
import { createAccount } from '../auth/sign-up.ts';
import type { AppContext } from '../context.ts';
import { markCheckInComplete, saveTies, touchCheckIn } from '../team-check-ins/repository.ts';
import { closeRound } from '../team-check-ins/round-data.ts';
import {
	insertRound,
	insertTeam,
	saveMember,
	saveShowDot,
	updateTeam
} from '../teams/repository.ts';
import type { DemoTimeline } from './demo-timeline.ts';

/** How a member answers about a teammate in a round, from who relies on whom in the demo file. */
function answer(question: Question, meRelyOnThem: boolean, theyRelyOnMe: boolean): Level {
	if (question === 'help') return meRelyOnThem ? 'often' : 'never';
	if (question === 'advice') return meRelyOnThem ? 'sometimes' : 'never';
	return theyRelyOnMe ? 'often' : 'never';
}

/**
 * Seeds the demo team Rosa runs: its eight colleagues (accounts with the demo password), both
 * check-ins with every survey answer, and each round closed on its day, so its trail is frozen.
 * The colleagues' positions go straight into their check-ins: they have no assessment history of
 * their own, which keeps the demo practice's pinned figures (decision 0021) as they were.
 */
export async function seedDemoTeam(
	ctx: AppContext,
	input: { timeline: DemoTimeline; practiceId: string; coachId: string; passwordHash: string }
): Promise<void> {
	const { timeline } = input;
	const at = (daysAgo: number, hour = 9) => new Date(timeline.at(daysAgo, hour)).toISOString();
	const teamId = randomUUID();
	await insertTeam(ctx.db, {
		id: teamId,
		practice_id: input.practiceId,
		coach_id: input.coachId,
		name: demoTeam.name,
		description: demoTeam.description,
		lead_id: null,
		created_at: at(demoTeam.createdDaysAgo),
		archived_at: null
	});
	const ids = new Map<string, string>();
	for (const member of demoTeam.members) {
		const joined = { ...ctx, now: () => new Date(at(demoTeam.createdDaysAgo, 10)) };
		const { userId } = await createAccount(joined, {
			kind: 'client',
			name: member.name,
			email: member.email,
			passwordHash: input.passwordHash,
			verified: true
		});
		ids.set(member.name, userId);
		await saveMember(ctx.db, teamId, userId, at(demoTeam.createdDaysAgo, 11));
		await saveShowDot(ctx.db, teamId, userId, member.showDot);
	}
	await updateTeam(ctx.db, teamId, { lead_id: ids.get(demoTeam.lead)! });

	for (const [r, round] of demoTeam.rounds.entries()) {
		const row = {
			id: randomUUID(),
			team_id: teamId,
			number: r + 1,
			opened_at: at(round.openedDaysAgo),
			closes_at: at(round.closedDaysAgo - 1, 0),
			closed_at: null,
			summary: null
		};
		await insertRound(ctx.db, row);
		for (const member of demoTeam.members) {
			const me = ids.get(member.name)!;
			const answers = demoTeam.members
				.filter((mate) => mate.name !== member.name)
				.flatMap((mate) =>
					QUESTIONS.map((question) => ({
						to: ids.get(mate.name)!,
						question,
						level: answer(
							question,
							member.reliesOn[r]!.includes(mate.name),
							mate.reliesOn[r]!.includes(member.name)
						)
					}))
				);
			const answeredAt = at(round.openedDaysAgo - 2, 14);
			await touchCheckIn(ctx.db, row.id, me, answeredAt);
			await saveTies(ctx.db, row.id, me, answers);
			const [overall, team] = member.positions[r]!;
			await markCheckInComplete(ctx.db, row.id, me, { overall, team }, answeredAt);
		}
		await closeRound(ctx.db, row, row.closes_at);
	}
}
