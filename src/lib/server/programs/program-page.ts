import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { getHomeAssessment } from '../insights/get-home-assessment.ts';
import { getMyProgram } from './follow.ts';
import { teamStepOf } from './team-step.ts';

/**
 * The client's program page: their program with prompts fitted to their latest result, and for
 * a team check-in step, the team it links to (or why it cannot be done).
 */
export async function getProgramPage(ctx: Pick<AppContext, 'db' | 'now'>, input: { actor: Actor }) {
	const { latest } = await getHomeAssessment(ctx, input);
	const program = await getMyProgram(ctx, { actor: input.actor, position: latest?.position });
	const step = program?.current?.open ? program.current.step : null;
	const teamId = step?.kind === 'team-check-in' && 'teamId' in step ? step.teamId : undefined;
	const team =
		teamId === undefined ? null : await teamStepOf(ctx.db, input.actor, teamId as string | null);
	return { program, team };
}
