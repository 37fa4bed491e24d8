import { DomainError, isDomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/create-db.ts';
import { ANY_TEAM } from '../../domain/programs/any-team.ts';
import { teamFor } from '../teams/access.ts';
import { listRounds, listTeamsOfMember } from '../teams/repository.ts';
import { ownEnrolment } from './follow.ts';
import { insertEnrolmentStep, updateEnrolment } from './repository.ts';

/**
 * Where a client stands with the team a team check-in step names: a team they check in with,
 * or one they cannot (`blocked`). The team is read through the teams' own policy: someone not
 * on it learns nothing of it, so "deleted" and "not yours" read the same.
 */
export type TeamStep =
	| { teamId: string; name: string; blocked: null }
	| { teamId: string | null; name: string | null; blocked: 'archived' | 'unavailable' };

export async function teamStepOf(db: Db, actor: Actor, teamId: string | null): Promise<TeamStep> {
	if (teamId === ANY_TEAM) return teamStepOf(db, actor, await clientsTeam(db, actor.userId));
	if (!teamId) return { teamId, name: null, blocked: 'unavailable' };
	try {
		const { team } = await teamFor(db, actor, teamId, 'team.check-in');
		if (team.archived_at) return { teamId, name: team.name, blocked: 'archived' };
		return { teamId, name: team.name, blocked: null };
	} catch (err) {
		if (isDomainError(err) && err.code === 'not_found')
			return { teamId: null, name: null, blocked: 'unavailable' };
		throw err;
	}
}

/**
 * For a step for whichever team the client is on: the running team they are on, the one with a
 * check-in open first (then by name). Null when they are on no running team.
 */
async function clientsTeam(db: Db, userId: string): Promise<string | null> {
	const running = (await listTeamsOfMember(db, userId)).filter((t) => !t.archived_at);
	for (const team of running)
		if ((await listRounds(db, team.id)).some((round) => !round.closed_at)) return team.id;
	return running[0]?.id ?? null;
}

/**
 * A client moves past a team check-in they cannot do (the team was deleted or archived, or
 * they are not on it), so a step nobody can finish never holds them: recorded as `skipped`.
 */
export async function skipMyTeamStep(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; stepId: string }
): Promise<void> {
	const state = await ownEnrolment(ctx, input.actor);
	const current = state?.schedule.current;
	if (
		!state ||
		state.enrolment.status !== 'active' ||
		!current?.open ||
		current.step.id !== input.stepId ||
		current.step.kind !== 'team-check-in'
	)
		throw new DomainError(
			'conflict',
			'This step is not the one open for you now. Reload the page to see where you are.'
		);
	const team = await teamStepOf(ctx.db, input.actor, current.step.team ?? null);
	if (!team.blocked)
		throw new DomainError(
			'conflict',
			`Your team ${team.name} is running: this step is done once you finish its check-in.`
		);
	const at = ctx.now().toISOString();
	await ctx.db.transaction().execute(async (trx) => {
		const row = { enrolment_id: state.enrolment.id, step_id: current.step.id, completed_at: at };
		if (await insertEnrolmentStep(trx, { ...row, how: 'skipped', answer: null }))
			await updateEnrolment(trx, state.enrolment.id, { last_activity_at: at });
	});
}
