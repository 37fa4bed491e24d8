import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { getHomeAssessment } from '../insights/get-home-assessment.ts';
import { getMyProgram } from './follow.ts';

/** The client's program page: their program with prompts fitted to their latest result. */
export async function getProgramPage(ctx: Pick<AppContext, 'db' | 'now'>, input: { actor: Actor }) {
	const { latest } = await getHomeAssessment(ctx, input);
	return { program: await getMyProgram(ctx, { actor: input.actor, position: latest?.position }) };
}
