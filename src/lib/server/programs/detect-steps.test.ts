import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roundForm } from '../../../../tests/factories/feedback.ts';
import { practice, program, reading } from '../../../../tests/factories/programs.ts';
import { buildTeam, checkInAs } from '../../../../tests/factories/teams.ts';
import { finishAssessment } from '../../../../tests/factories/workspace.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import type { Actor } from '../../domain/policies.ts';
import type { ProgramStep } from '../../domain/programs/schema.ts';
import { openFeedbackRound } from '../feedback/open-round.ts';
import { addMembership } from '../practices/repository.ts';
import { openCheckInRound } from '../teams/rounds.ts';
import { getClientProgramPage } from './client-program-page.ts';
import { importProgram } from './create-program.ts';
import { enrolClients } from './enrol.ts';
import { completeMyStep, getMyProgram } from './follow.ts';
import { pauseEnrolment } from './manage-enrolment.ts';
import { builderForms } from './builder-forms.ts';
import { getProgramBuilder } from './pages.ts';
import { getProgramPage } from './program-page.ts';
import { skipMyTeamStep } from './team-step.ts';
import { publishProgram } from './publish-program.ts';

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

	/** Cole publishes `steps` as a program and enrols `who` (Cleo unless told) from today. */
	async function enrol(
		cast: Awaited<ReturnType<typeof practice>>,
		steps: ProgramStep[],
		who = cast.cleo.userId
	) {
		const text = JSON.stringify(program(steps, 'Detected'));
		const { id } = await importProgram(t.ctx, { actor: cast.coach, practiceId: cast.p, text });
		const target = { actor: cast.coach, practiceId: cast.p, programId: id };
		await publishProgram(t.ctx, target);
		await enrolClients(t.ctx, { ...target, clientIds: [who], startOn: '2026-11-27' });
		return target;
	}
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

	it('marks a team check-in step done when the client finishes that team’s check-in, not another’s', async () => {
		const cast = await practice(t.ctx);
		const cole = { userId: cast.coach.userId, practiceId: cast.p };
		const ours = await buildTeam(t.ctx, cole, ['Ann Lee', 'Bo Ray'], 'Ours');
		const theirs = await buildTeam(t.ctx, cole, ['Cy Dunn', 'Di Moss'], 'Theirs');
		const ann = ours.members[0]!;
		// Ann is on both teams, and a client of Cole's.
		await addMembership(t.ctx.db, {
			id: randomUUID(),
			practiceId: cast.p,
			userId: ann.userId,
			role: 'client',
			coachId: cole.userId,
			at: t.ctx.now().toISOString()
		});
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
		const annA: Actor = { userId: ann.userId, practices: { [cast.p]: ['client'] } };
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

	it('tells the coach and lets the client move on when a step’s team is deleted', async () => {
		const cast = await practice(t.ctx);
		const cole = { userId: cast.coach.userId, practiceId: cast.p };
		const { teamId } = await buildTeam(t.ctx, cole, ['Ann Lee', 'Bo Ray'], 'Ours');
		const builder = (programId: string) =>
			getProgramBuilder(t.ctx, { actor: cast.coach, practiceId: cast.p, programId });
		const { id: programId } = await importProgram(t.ctx, {
			actor: cast.coach,
			practiceId: cast.p,
			text: JSON.stringify(program([reading('intro', { rule: 'right-away' })], 'Team path'))
		});
		const sent = (values: Record<string, string>) => ({
			actor: cast.coach,
			practiceId: cast.p,
			programId,
			values,
			data: new FormData()
		});
		const form = {
			kind: 'team-check-in',
			title: 'Team',
			intro: 'Check in.',
			rule: 'after-previous',
			dueDays: '7'
		};
		// The builder offers the practice's running teams, and refuses anything else beside the field.
		expect((await builder(programId)).teams).toEqual([{ id: teamId, name: 'Ours' }]);
		await expect(
			builderForms.add(t.ctx, sent({ ...form, team: randomUUID() }))
		).rejects.toMatchObject({
			fields: { team: 'Choose one of the practice’s teams.' }
		});
		await builderForms.add(t.ctx, sent({ ...form, team: teamId }));
		expect((await builder(programId)).steps[1]).toMatchObject({
			kindName: 'Team check-in with Ours',
			teamProblem: null
		});
		await publishProgram(t.ctx, { actor: cast.coach, practiceId: cast.p, programId });
		await enrolClients(t.ctx, {
			actor: cast.coach,
			practiceId: cast.p,
			programId,
			clientIds: [cast.cleo.userId],
			startOn: '2026-11-27'
		});
		await completeMyStep(t.ctx, { actor: cast.cleoA, stepId: 'intro' });
		// Cleo is not on the team: she is told so, without its name, and may move on.
		expect((await getProgramPage(t.ctx, { actor: cast.cleoA })).team).toEqual({
			teamId: null,
			name: null,
			blocked: 'unavailable'
		});

		// The team goes (its coach's account deleted takes it with it).
		await t.ctx.db.deleteFrom('teams').where('id', '=', teamId).execute();
		const step = (await builder(programId)).steps.find((s) => s.kind === 'team-check-in')!;
		expect(step.teamProblem).toMatch(/no longer runs in this practice/);
		await builderForms.rename(t.ctx, sent({ title: 'Team path 2', summary: '' }));
		await expect(
			publishProgram(t.ctx, { actor: cast.coach, practiceId: cast.p, programId })
		).rejects.toThrow(/“Team”: The team this step named no longer runs/);

		await expect(completeMyStep(t.ctx, { actor: cast.cleoA, stepId: 'team' })).rejects.toThrow(
			/marked done by itself/
		);
		// The coach's page for Cleo's program says so on the step too.
		const before = (await stepsOf(cast, cast.cleo.userId)).find((s) => s.id === 'team')!;
		expect(before.teamGone).toBe(true);
		await skipMyTeamStep(t.ctx, { actor: cast.cleoA, stepId: 'team' });
		expect(await getMyProgram(t.ctx, { actor: cast.cleoA })).toMatchObject({
			finished: true,
			done: 2
		});
		const skipped = (await stepsOf(cast, cast.cleo.userId)).find((s) => s.id === 'team')!;
		expect(skipped.how).toBe('skipped');
	});

	it('refuses to skip a team check-in whose team still runs for the client', async () => {
		const cast = await practice(t.ctx);
		const cole = { userId: cast.coach.userId, practiceId: cast.p };
		const { teamId, members } = await buildTeam(t.ctx, cole, ['Ann Lee', 'Bo Ray'], 'Ours');
		const ann = members[0]!;
		await addMembership(t.ctx.db, {
			id: randomUUID(),
			practiceId: cast.p,
			userId: ann.userId,
			role: 'client',
			coachId: cole.userId,
			at: t.ctx.now().toISOString()
		});
		const teamStep: ProgramStep = {
			id: 'team',
			title: 'Team',
			kind: 'team-check-in',
			intro: 'Check in.',
			team: teamId,
			delivery: { rule: 'right-away' },
			dueDays: 7
		};
		await enrol(cast, [teamStep], ann.userId);
		const annA: Actor = { userId: ann.userId, practices: { [cast.p]: ['client'] } };
		expect((await getProgramPage(t.ctx, { actor: annA })).team).toEqual({
			teamId,
			name: 'Ours',
			blocked: null
		});
		await expect(skipMyTeamStep(t.ctx, { actor: annA, stepId: 'team' })).rejects.toThrow(
			/Your team Ours is running/
		);
		expect(await getMyProgram(t.ctx, { actor: annA })).toMatchObject({ done: 0 });
	});
});
