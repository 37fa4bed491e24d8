import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	clientOfCole,
	practice,
	program,
	publishAndEnrol,
	reading
} from '../../../../tests/factories/programs.ts';
import { buildTeam, checkInAs } from '../../../../tests/factories/teams.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { ANY_TEAM } from '../../domain/programs/any-team.ts';
import type { ProgramStep } from '../../domain/programs/schema.ts';
import { openCheckInRound } from '../teams/rounds.ts';
import { builderForms } from './builder-forms.ts';
import { getClientProgramPage } from './client-program-page.ts';
import { importProgram } from './create-program.ts';
import { enrolClients } from './enrol.ts';
import { completeMyStep, getMyProgram } from './follow.ts';
import { getProgramBuilder } from './pages.ts';
import { getProgramPage } from './program-page.ts';
import { getProgramPreview } from './preview.ts';
import { publishProgram } from './publish-program.ts';
import { skipMyTeamStep } from './team-step.ts';

describe.each(testDialects())('a team check-in step whose team is gone, on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	/** Publishes the program as its coach and enrols the clients from 27 November. */
	const publishAndEnrolIn = async (
		cast: Awaited<ReturnType<typeof practice>>,
		programId: string,
		clientIds: string[]
	) => {
		const target = { actor: cast.coach, practiceId: cast.p, programId };
		await publishProgram(t.ctx, target);
		await enrolClients(t.ctx, { ...target, clientIds, startOn: '2026-11-27' });
	};
	const stepsOf = async (cast: Awaited<ReturnType<typeof practice>>, clientId: string) =>
		(await getClientProgramPage(t.ctx, { actor: cast.coach, practiceId: cast.p, clientId }))!.steps;

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
		// Someone who may not change the program learns nothing of teams: the program is "not found".
		await expect(
			builderForms.add(t.ctx, { ...sent({ ...form, team: randomUUID() }), actor: cast.cleoA })
		).rejects.toMatchObject({ code: 'not_found' });
		await builderForms.add(t.ctx, sent({ ...form, team: teamId }));
		expect((await builder(programId)).steps[1]).toMatchObject({
			kindName: 'Team check-in with Ours',
			teamProblem: null
		});
		const preview = { actor: cast.coach, practiceId: cast.p, programId };
		expect((await getProgramPreview(t.ctx, preview)).steps[1]!.kindName).toBe(
			'Team check-in with Ours'
		);
		await publishAndEnrolIn(cast, programId, [cast.cleo.userId]);
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
		const annA = await clientOfCole(t.ctx, cast, ann.userId);
		const teamStep: ProgramStep = {
			id: 'team',
			title: 'Team',
			kind: 'team-check-in',
			intro: 'Check in.',
			team: teamId,
			delivery: { rule: 'right-away' },
			dueDays: 7
		};
		await publishAndEnrol(t.ctx, cast, [teamStep], ann.userId);
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

	it('serves any team with a step for whichever team the client is on', async () => {
		const cast = await practice(t.ctx);
		const cole = { userId: cast.coach.userId, practiceId: cast.p };
		const ours = await buildTeam(t.ctx, cole, ['Ann Lee', 'Bo Ray'], 'Ours');
		const theirs = await buildTeam(t.ctx, cole, ['Cy Dunn', 'Di Moss'], 'Theirs');
		const cy = theirs.members[0]!;
		const cyA = await clientOfCole(t.ctx, cast, cy.userId);
		const { id: programId } = await importProgram(t.ctx, {
			actor: cast.coach,
			practiceId: cast.p,
			text: JSON.stringify(program([reading('intro', { rule: 'right-away' })], 'Any team'))
		});
		await builderForms.add(t.ctx, {
			actor: cast.coach,
			practiceId: cast.p,
			programId,
			values: {
				kind: 'team-check-in',
				title: 'Team',
				intro: 'Check in with your team.',
				rule: 'after-previous',
				dueDays: '7',
				team: ANY_TEAM
			},
			data: new FormData()
		});
		const builder = await getProgramBuilder(t.ctx, {
			actor: cast.coach,
			practiceId: cast.p,
			programId
		});
		expect(builder.steps[1]).toMatchObject({
			kindName: 'Team check-in with the client’s team',
			teamProblem: null
		});
		// The preview, as a client meets it, says so too.
		const preview = await getProgramPreview(t.ctx, {
			actor: cast.coach,
			practiceId: cast.p,
			programId
		});
		expect(preview.steps[1]!.kindName).toBe('Team check-in with the client’s team');
		await publishAndEnrolIn(cast, programId, [cy.userId, cast.cleo.userId]);
		for (const actor of [cyA, cast.cleoA]) await completeMyStep(t.ctx, { actor, stepId: 'intro' });

		// Cy is on both teams: his step links to the first by name, until the other opens a check-in.
		await t.ctx.db
			.insertInto('team_members')
			.values({
				team_id: ours.teamId,
				user_id: cy.userId,
				joined_at: t.ctx.now().toISOString(),
				left_at: null,
				show_dot: 0
			})
			.execute();
		expect((await getProgramPage(t.ctx, { actor: cyA })).team).toMatchObject({ name: 'Ours' });
		await openCheckInRound(t.ctx, {
			actor: theirs.coachActor,
			teamId: theirs.teamId,
			closesOn: '2026-12-10'
		});
		expect((await getProgramPage(t.ctx, { actor: cyA })).team).toEqual({
			teamId: theirs.teamId,
			name: 'Theirs',
			blocked: null
		});
		// Cleo, on no team, may move on.
		expect((await getProgramPage(t.ctx, { actor: cast.cleoA })).team).toMatchObject({
			blocked: 'unavailable'
		});
		await skipMyTeamStep(t.ctx, { actor: cast.cleoA, stepId: 'team' });
		expect(await getMyProgram(t.ctx, { actor: cast.cleoA })).toMatchObject({ finished: true });

		// Cy's check-in with either team is what the step waited for.
		await checkInAs(t.ctx, {
			teamId: theirs.teamId,
			member: cy,
			teammates: theirs.members,
			lean: { DEP: 3, IND: 3, MUT: 3 },
			date: t.ctx.now()
		});
		expect(await getMyProgram(t.ctx, { actor: cyA })).toMatchObject({ finished: true, done: 2 });
	});
});
