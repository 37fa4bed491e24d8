import { can, type Actor } from '../../domain/policies.ts';
import type { OpenStep } from '../../domain/programs/content-now.ts';
import { DEFAULT_THRESHOLDS } from '../../domain/programs/progress.ts';
import type { AppContext } from '../context.ts';
import { stateOf } from './enrolment-view.ts';
import { listEnrolmentSteps, listOpenEnrolments } from './repository.ts';

/**
 * The open step of the coach's program the signed-in person follows (two small queries), or
 * null when they follow none, follow the built-in program, or wait for their next step. A paused
 * enrolment still counts: the person is on that step, only the clock stands still. Progress is
 * not needed here, so the practice's thresholds are not read.
 */
export async function openStepOf(
	ctx: Pick<AppContext, 'db' | 'now'>,
	actor: Actor
): Promise<OpenStep | null> {
	if (!can(actor, 'enrolment.follow', { ownerId: actor.userId })) return null;
	const [found] = await listOpenEnrolments(ctx.db, [actor.userId]);
	if (!found?.document) return null;
	const steps = await listEnrolmentSteps(ctx.db, [found.enrolment.id]);
	const state = stateOf(found, steps, ctx.now(), DEFAULT_THRESHOLDS);
	const current = state.schedule.current;
	if (!current?.open) return null;
	return { programTitle: state.programTitle, number: current.index + 1, step: current.step };
}
