import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { Arrival } from '../../domain/programs/schedule.ts';
import { shownStep } from '../../domain/programs/shown-step.ts';
import { DETECTED_KINDS } from '../../domain/programs/schema.ts';
import { todayFor } from '../../domain/actions/dates.ts';
import type { AppContext } from '../context.ts';
import { userCipher } from '../crypto/field-crypto.ts';
import { findClientPlacement } from '../practices/repository.ts';
import { stateOf } from './enrolment-view.ts';
import {
	insertEnrolmentStep,
	listEnrolmentSteps,
	listOpenEnrolments,
	updateEnrolment
} from './repository.ts';
import { thresholdsOf } from './thresholds.ts';

export const CHECK_IN_MAX = 2000;

const when = (arrival: Arrival, titles: string[]) =>
	'at' in arrival
		? { at: arrival.at.toISOString() }
		: { afterTitle: titles[arrival.afterStep] ?? '', days: arrival.days };

export async function ownEnrolment(ctx: Pick<AppContext, 'db' | 'now'>, actor: Actor) {
	if (!can(actor, 'enrolment.follow', { ownerId: actor.userId }))
		throw new DomainError('forbidden', 'Only you can see your own program.');
	const [found] = await listOpenEnrolments(ctx.db, [actor.userId]);
	if (!found) return null;
	const steps = await listEnrolmentSteps(ctx.db, [found.enrolment.id]);
	const placement = await findClientPlacement(ctx.db, actor.userId);
	return stateOf(found, steps, ctx.now(), await thresholdsOf(ctx.db, placement?.practiceId));
}

/** The signed-in person's program: the step they are on, what comes next and when. */
export async function getMyProgram(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; position?: number | null }
) {
	const state = await ownEnrolment(ctx, input.actor);
	if (!state) return null;
	const { schedule, document } = state;
	const titles = document.steps.map((s) => s.title);
	const today = todayFor(ctx.now());
	return {
		title: state.programTitle,
		status: state.enrolment.status,
		total: document.steps.length,
		done: schedule.done,
		finished: schedule.finished,
		current: schedule.current && {
			number: schedule.current.index + 1,
			open: schedule.current.open,
			when: when(schedule.current.arrival, titles),
			/** Done by itself where the client does it (decision 0038): nothing to mark. */
			detected: DETECTED_KINDS.has(schedule.current.step.kind),
			step: shownStep(schedule.current.step, input.position, today)
		},
		next: schedule.next && {
			number: schedule.next.index + 1,
			title: schedule.next.step.title,
			when: when(schedule.next.arrival, titles)
		}
	};
}
export type MyProgram = NonNullable<Awaited<ReturnType<typeof getMyProgram>>>;

/** The person marks their current step done; a check-in's answer goes, encrypted, to their coach. */
export async function completeMyStep(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	input: { actor: Actor; stepId: string; answer?: string }
): Promise<void> {
	const state = await ownEnrolment(ctx, input.actor);
	const current = state?.schedule.current;
	if (!state || state.enrolment.status !== 'active' || !current || current.step.id !== input.stepId)
		throw new DomainError(
			'conflict',
			'This step is not the one open for you now. Reload the page to see where you are.'
		);
	if (!current.open) throw new DomainError('conflict', 'This step has not opened yet.');
	if (DETECTED_KINDS.has(current.step.kind))
		throw new DomainError(
			'conflict',
			'This step is marked done by itself once you do what it asks: there is nothing to mark here.'
		);
	let answer: string | null = null;
	if (current.step.kind === 'check-in') {
		const text = (input.answer ?? '').trim();
		if (!text || text.length > CHECK_IN_MAX) {
			const message = `Write an answer of 1 to ${CHECK_IN_MAX} characters for your coach.`;
			throw new DomainError('invalid_input', message, { fields: { answer: message } });
		}
		const cipher = await userCipher(ctx.db, ctx.masterKey, input.actor.userId);
		const rowId = `${state.enrolment.id}:${input.stepId}`;
		answer = cipher.encrypt({ table: 'enrolment_steps', column: 'answer', rowId }, text);
	}
	const at = ctx.now().toISOString();
	await ctx.db.transaction().execute(async (trx) => {
		const row = {
			enrolment_id: state.enrolment.id,
			step_id: input.stepId,
			completed_at: at,
			how: 'done' as const,
			answer
		};
		if (await insertEnrolmentStep(trx, row))
			await updateEnrolment(trx, state.enrolment.id, { last_activity_at: at });
	});
}
