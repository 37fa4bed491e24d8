import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { findClientInPractice } from '../practices/repository.ts';
import { documentOf } from './access.ts';
import { catchUpProgramIn } from './detect-steps.ts';
import { stateOf, type EnrolmentState } from './enrolment-view.ts';
import {
	findLatestVersion,
	insertEnrolmentStep,
	listEnrolmentSteps,
	listOpenEnrolments,
	updateEnrolment,
	type EnrolmentStepRow
} from './repository.ts';
import { thresholdsOf } from './thresholds.ts';

type Ctx = Pick<AppContext, 'db' | 'now'>;
export interface ClientTarget {
	actor: Actor;
	practiceId: string;
	clientId: string;
}

/**
 * The open enrolment of a client the actor coaches (or any client, for an admin), with its
 * steps. Null when the client follows no program; refused as "not found" when not the actor's.
 */
export async function clientEnrolment(
	ctx: Ctx,
	input: ClientTarget
): Promise<{ state: EnrolmentState; steps: EnrolmentStepRow[]; name: string } | null> {
	const client = await findClientInPractice(ctx.db, input.practiceId, input.clientId);
	if (!client || !can(input.actor, 'enrolment.manage', client))
		throw new DomainError('not_found', 'There is no such client, or they are not yours to see.');
	const [found] = await listOpenEnrolments(ctx.db, [client.ownerId]);
	if (!found) return null;
	const steps = await listEnrolmentSteps(ctx.db, [found.enrolment.id]);
	const state = stateOf(found, steps, ctx.now(), await thresholdsOf(ctx.db, input.practiceId));
	return { state, steps, name: client.name };
}

async function requireEnrolment(ctx: Ctx, input: ClientTarget) {
	const found = await clientEnrolment(ctx, input);
	if (!found) throw new DomainError('conflict', 'This client follows no program at the moment.');
	return found;
}

export async function pauseEnrolment(ctx: Ctx, input: ClientTarget) {
	const { state } = await requireEnrolment(ctx, input);
	if (state.enrolment.status !== 'active')
		throw new DomainError('conflict', 'This enrolment is not running, so it cannot be paused.');
	await updateEnrolment(ctx.db, state.enrolment.id, {
		status: 'paused',
		paused_at: ctx.now().toISOString()
	});
}

/**
 * Resuming restarts the clock: a step's due date counts from now, not from before the pause. What
 * the client did meanwhile that a step waits for (an assessment, say) counts on resuming.
 * Returns the ids of the steps that it marked done.
 */
export async function resumeEnrolment(ctx: Ctx, input: ClientTarget): Promise<string[]> {
	const { state } = await requireEnrolment(ctx, input);
	if (state.enrolment.status !== 'paused')
		throw new DomainError('conflict', 'This enrolment is not paused.');
	const now = ctx.now();
	const at = now.toISOString();
	const pausedAt = state.enrolment.paused_at ?? at;
	return ctx.db.transaction().execute(async (trx) => {
		await updateEnrolment(trx, state.enrolment.id, {
			status: 'active',
			paused_at: null,
			resumed_at: at,
			last_activity_at: at
		});
		return catchUpProgramIn(trx, { userId: state.enrolment.user_id, pausedAt, at: now });
	});
}

/** Ends the enrolment; what the client did stays, and they may be enrolled again afterwards. */
export async function endEnrolment(ctx: Ctx, input: ClientTarget) {
	const { state } = await requireEnrolment(ctx, input);
	await updateEnrolment(ctx.db, state.enrolment.id, {
		status: 'ended',
		ended_at: ctx.now().toISOString()
	});
}

/** Moves the client past their current step, as if it were done now (marked as moved on). */
export async function moveOnByStep(ctx: Ctx, input: ClientTarget & { stepId: string }) {
	const { state } = await requireEnrolment(ctx, input);
	const current = state.schedule.current;
	if (!current || current.step.id !== input.stepId)
		throw new DomainError(
			'conflict',
			'The client is no longer on this step. Reload to see where they are.'
		);
	const at = ctx.now().toISOString();
	await insertEnrolmentStep(ctx.db, {
		enrolment_id: state.enrolment.id,
		step_id: current.step.id,
		completed_at: at,
		how: 'moved-on',
		answer: null
	});
}

/**
 * Moves the client to the program's latest version. What they did carries over by step id;
 * `seenVersion` is the version the coach was shown the changes for, so a newer one published
 * meanwhile is not applied unseen.
 */
export async function moveToLatestVersion(ctx: Ctx, input: ClientTarget & { seenVersion: number }) {
	const { state } = await requireEnrolment(ctx, input);
	if (!state.programId)
		throw new DomainError('conflict', 'The built-in program has no other versions.');
	const latest = await findLatestVersion(ctx.db, state.programId);
	if (!latest || latest.number !== input.seenVersion)
		throw new DomainError(
			'conflict',
			'A newer version was published meanwhile. Look at its changes, then move again.'
		);
	if (latest.number === state.versionNumber)
		throw new DomainError('conflict', `The client is already on version ${latest.number}.`);
	documentOf(latest.document);
	await updateEnrolment(ctx.db, state.enrolment.id, { version_id: latest.id });
}
