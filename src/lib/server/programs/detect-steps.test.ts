import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roundForm } from '../../../../tests/factories/feedback.ts';
import {
	clientOfCole,
	practice,
	publishAndEnrol,
	reading
} from '../../../../tests/factories/programs.ts';
import { buildTeam, checkInAs } from '../../../../tests/factories/teams.ts';
import { finishAssessment } from '../../../../tests/factories/workspace.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import type { ProgramStep } from '../../domain/programs/schema.ts';
import { openFeedbackRound } from '../feedback/open-round.ts';
import { openCheckInRound } from '../teams/rounds.ts';
import { getClientProgramPage } from './client-program-page.ts';
import { completeMyStep, getMyProgram } from './follow.ts';
import { enrolmentForms } from './enrolment-forms.ts';
import { pauseEnrolment } from './manage-enrolment.ts';

const DAY = 24 * 3600_000;
const minute = (t: TestContext) => () => t.clock.advance(60_000);

const step = (
	id: string,
	kind: 'assessment' | 'feedback-round',
	delivery: ProgramStep['delivery'] = { rule: 'after-previous' }
): ProgramStep => ({ id, title: `Do ${id}`, kind, intro: 'Over to you.', delivery, dueDays: 7 });

describe.each(testDialects())('steps Midpoint detects, on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	const enrol = (cast: Awaited<ReturnType<typeof practice>>, steps: ProgramStep[], who?: string) =>
		publishAndEnrol(t.ctx, cast, steps, who);
	const stepsOf = async (cast: Awaited<ReturnType<typeof practice>>, clientId: string) =>
		(await getClientProgramPage(t.ctx, { actor: cast.coach, practiceId: cast.p, clientId }))!.steps;

	it('marks an assessment step done when an assessment is finished after it opened, not before', async () => {
		const cast = await practice(t.ctx);
		await enrol(cast, [
			reading('intro', { rule: 'right-away' }),
			step('assess', 'assessment', { rule: 'days-after-previous', days: 2 }),
			reading('after', { rule: 'after-previous' })
		]);
		const current = async () => (await getMyProgram(t.ctx, { actor: cast.cleoA }))!.current!;

		// Finished while still on the reading: it counts for nothing.
		await finishAssessment(t.ctx, cast.cleoA, minute(t));
		await completeMyStep(t.ctx, { actor: cast.cleoA, stepId: 'intro' });
		expect(await current()).toMatchObject({ number: 2, open: false });
		// Finished a day later, while the step waits its two days: still nothing.
		t.clock.advance(DAY);
		await finishAssessment(t.ctx, cast.cleoA, minute(t));
		expect(await current()).toMatchObject({ number: 2, open: false });

		t.clock.advance(DAY);
		expect(await current()).toMatchObject({ number: 2, open: true, detected: true });
		// The client cannot mark it by hand.
		await expect(completeMyStep(t.ctx, { actor: cast.cleoA, stepId: 'assess' })).rejects.toThrow(
			/marked done by itself/
		);
		await finishAssessment(t.ctx, cast.cleoA, minute(t));
		expect(await current()).toMatchObject({ number: 3, step: { title: 'Reading after' } });
		const assess = (await stepsOf(cast, cast.cleo.userId)).find((s) => s.id === 'assess')!;
		expect(assess).toMatchObject({ how: 'done', doneAt: t.ctx.now().toISOString() });
	});

	it('marks a feedback-round step done when the client opens a round, and not while paused', async () => {
		const cast = await practice(t.ctx);
		await enrol(cast, [step('ask', 'feedback-round', { rule: 'right-away' })]);
		await enrol(cast, [step('ask', 'feedback-round', { rule: 'right-away' })], cast.olly.userId);
		await pauseEnrolment(t.ctx, {
			actor: cast.coach,
			practiceId: cast.p,
			clientId: cast.olly.userId
		});
		for (const actor of [cast.cleoA, cast.ollyA])
			await openFeedbackRound(t.ctx, {
				actor,
				values: roundForm({ FRI: 3 }, '2026-12-11', actor.userId.slice(0, 6)),
				baseUrl: 'http://localhost:3000'
			});
		expect(await getMyProgram(t.ctx, { actor: cast.cleoA })).toMatchObject({
			finished: true,
			done: 1
		});
		expect(await getMyProgram(t.ctx, { actor: cast.ollyA })).toMatchObject({
			finished: false,
			done: 0,
			status: 'paused'
		});
	});

	it('counts on resuming what the client did while paused, each at its own moment', async () => {
		const cast = await practice(t.ctx);
		const who = { actor: cast.coach, practiceId: cast.p, clientId: cast.cleo.userId };
		await enrol(cast, [
			step('first', 'assessment', { rule: 'right-away' }),
			step('second', 'assessment', { rule: 'days-after-previous', days: 3 }),
			reading('after', { rule: 'after-previous' })
		]);
		await pauseEnrolment(t.ctx, who);
		t.clock.advance(DAY);
		await finishAssessment(t.ctx, cast.cleoA, minute(t));
		const firstAt = t.ctx.now().toISOString();
		// The second step opens three days after the first: an assessment a day later is too early.
		t.clock.advance(DAY);
		await finishAssessment(t.ctx, cast.cleoA, minute(t));
		expect(await getMyProgram(t.ctx, { actor: cast.cleoA })).toMatchObject({ done: 0 });

		t.clock.advance(DAY);
		// The coach is told that something done meanwhile counted.
		expect(await enrolmentForms.resume(t.ctx, { ...who, values: {} })).toBe('resumed-caught-up');
		const steps = await stepsOf(cast, cast.cleo.userId);
		expect(steps.find((s) => s.id === 'first')).toMatchObject({ how: 'done', doneAt: firstAt });
		expect(steps.find((s) => s.id === 'second')!.how).toBeFalsy();
		expect((await getMyProgram(t.ctx, { actor: cast.cleoA }))!.current).toMatchObject({
			number: 2,
			open: false
		});
		// Once it opens, the next assessment counts as it always did.
		t.clock.advance(2 * DAY);
		await finishAssessment(t.ctx, cast.cleoA, minute(t));
		expect((await getMyProgram(t.ctx, { actor: cast.cleoA }))!.current).toMatchObject({
			step: { title: 'Reading after' }
		});
	});

	it('marks a team check-in step done when the client finishes that team’s check-in, not another’s', async () => {
		const cast = await practice(t.ctx);
		const cole = { userId: cast.coach.userId, practiceId: cast.p };
		const ours = await buildTeam(t.ctx, cole, ['Ann Lee', 'Bo Ray'], 'Ours');
		const theirs = await buildTeam(t.ctx, cole, ['Cy Dunn', 'Di Moss'], 'Theirs');
		const ann = ours.members[0]!;
		// Ann is on both teams, and a client of Cole's.
		const annA = await clientOfCole(t.ctx, cast, ann.userId);
		await t.ctx.db
			.insertInto('team_members')
			.values({
				team_id: theirs.teamId,
				user_id: ann.userId,
				joined_at: t.ctx.now().toISOString(),
				left_at: null,
				show_dot: 0
			})
			.execute();
		const teamStep: ProgramStep = {
			id: 'team',
			title: 'Check in with your team',
			kind: 'team-check-in',
			intro: 'Tell us who you lean on.',
			team: ours.teamId,
			delivery: { rule: 'right-away' },
			dueDays: 7
		};
		await enrol(cast, [teamStep, reading('next', { rule: 'after-previous' })], ann.userId);
		for (const team of [ours, theirs])
			await openCheckInRound(t.ctx, {
				actor: team.coachActor,
				teamId: team.teamId,
				closesOn: '2026-12-10'
			});

		const lean = { DEP: 3, IND: 3, MUT: 3 };
		const [, cy, di] = [ann, ...theirs.members];
		await checkInAs(t.ctx, {
			teamId: theirs.teamId,
			member: ann,
			teammates: [ann, cy!, di!],
			lean,
			date: t.ctx.now()
		});
		expect((await getMyProgram(t.ctx, { actor: annA }))!.current).toMatchObject({ number: 1 });
		t.clock.advance(3600_000);
		await checkInAs(t.ctx, {
			teamId: ours.teamId,
			member: ann,
			teammates: ours.members,
			lean,
			date: t.ctx.now()
		});
		expect((await getMyProgram(t.ctx, { actor: annA }))!.current).toMatchObject({
			number: 2,
			step: { title: 'Reading next' }
		});
	});
});
