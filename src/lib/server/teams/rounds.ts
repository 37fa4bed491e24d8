import { randomUUID } from 'node:crypto';
import { todayFor } from '../../domain/actions/dates.ts';
import { DomainError } from '../../domain/errors.ts';
import { closingDayProblem, closingInstant } from '../../domain/feedback/round-rules.ts';
import type { Actor } from '../../domain/policies.ts';
import { ROUND_MIN_MEMBERS } from '../../domain/teams/rules.ts';
import type { AppContext } from '../context.ts';
import { closeRound, isRoundOpen, settleRounds } from '../team-check-ins/round-data.ts';
import { requireActive, teamFor } from './access.ts';
import { insertRound, listRounds } from './repository.ts';
import { teamCheckInEmail } from './check-in-email.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { findUserById } from '../users/repository.ts';

type Ctx = Pick<AppContext, 'db' | 'now'>;

/**
 * The coach opens a check-in round (the first, or a re-run) that takes answers until its closing
 * day, and each member is emailed a link to it. `baseUrl` is the address the coach used (else
 * ORIGIN).
 */
export async function openCheckInRound(
	ctx: Ctx & Pick<AppContext, 'masterKey' | 'config'>,
	input: { actor: Actor; teamId: string; closesOn: string; baseUrl?: string }
): Promise<{ number: number }> {
	const { team, current } = await teamFor(ctx.db, input.actor, input.teamId, 'team.manage');
	requireActive(team);
	const now = ctx.now();
	const closesOn = input.closesOn.trim();
	const problem = closingDayProblem(closesOn, todayFor(now));
	if (problem) throw new DomainError('invalid_input', problem, { fields: { closesOn: problem } });
	if (current.length < ROUND_MIN_MEMBERS)
		throw new DomainError(
			'conflict',
			current.length === 0
				? 'Nobody has joined the team yet. A check-in needs at least two members, so each has someone to name.'
				: 'Only one person is on the team so far. A check-in needs at least two members, so each has someone to name.'
		);
	const rounds = await settleRounds(ctx.db, await listRounds(ctx.db, team.id), now);
	if (rounds.some((r) => isRoundOpen(r, now)))
		throw new DomainError(
			'conflict',
			'A check-in is already open. Close it first, or wait for its closing day, then run it again.'
		);
	const number = rounds.length + 1;
	const base = (input.baseUrl ?? ctx.config.publicUrl ?? 'http://localhost:3000').replace(
		/\/$/,
		''
	);
	const coach = await findUserById(ctx.db, team.coach_id);
	await ctx.db.transaction().execute(async (trx) => {
		await insertRound(trx, {
			id: randomUUID(),
			team_id: team.id,
			number,
			opened_at: now.toISOString(),
			closes_at: closingInstant(closesOn),
			closed_at: null,
			summary: null
		});
		// Said where people look, not only on the team's page: one email each, with the round.
		for (const member of current)
			await enqueueJob(
				{ db: trx, now: ctx.now, masterKey: ctx.masterKey },
				'email',
				teamCheckInEmail({
					to: member.email,
					name: member.name,
					coachName: coach?.name ?? 'Your coach',
					teamName: team.name,
					number,
					closesOn,
					link: `${base}/teams/${team.id}/check-in`
				})
			);
	});
	return { number };
}

/** The coach closes the open round now; its figures are frozen for the trail. */
export async function closeCheckInNow(ctx: Ctx, input: { actor: Actor; teamId: string }) {
	const { team } = await teamFor(ctx.db, input.actor, input.teamId, 'team.manage');
	const now = ctx.now();
	const rounds = await settleRounds(ctx.db, await listRounds(ctx.db, team.id), now);
	const open = rounds.find((r) => isRoundOpen(r, now));
	if (!open) throw new DomainError('conflict', 'There is no open check-in to close.');
	await closeRound(ctx.db, open, now.toISOString());
}
