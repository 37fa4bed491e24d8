import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fourSteps, practice, program, reading } from '../../../../tests/factories/programs.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import type { Actor } from '../../domain/policies.ts';
import { buildClient } from '../../../../tests/factories/accounts.ts';
import { copyProgram, exportProgram, importProgram } from './create-program.ts';
import { moveStep } from './edit-draft.ts';
import { completeMyStep, getMyProgram } from './follow.ts';
import { enrolClients, startBuiltInProgram } from './enrol.ts';
import { getClientProgramPage } from './client-program-page.ts';
import { endEnrolment, moveOnByStep, pauseEnrolment, resumeEnrolment } from './manage-enrolment.ts';
import { listProgramProgress, takeProgressChanges } from './progress.ts';
import { publishProgram } from './publish-program.ts';
import { setProgressThresholds } from './thresholds.ts';

const DAY = 24 * 3600_000;

describe.each(testDialects())('enrolments and sharing on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('pauses, resumes, moves on by a step and ends; a client whose coach leaves keeps the enrolment', async () => {
		const { p, ada, coach, cleo, cleoA } = await practice(t.ctx);
		const target = await fourSteps(t.ctx, coach, p);
		await publishProgram(t.ctx, target);
		await enrolClients(t.ctx, { ...target, clientIds: [cleo.userId], startOn: '2026-11-27' });
		const who = { actor: coach, practiceId: p, clientId: cleo.userId };
		await moveOnByStep(t.ctx, { ...who, stepId: 'why-the-middle' });
		await pauseEnrolment(t.ctx, who);
		await expect(
			completeMyStep(t.ctx, { actor: cleoA, stepId: 'how-was-it', answer: 'x' })
		).rejects.toThrow(/not the one open/);
		t.clock.advance(30 * DAY);
		let page = (await getClientProgramPage(t.ctx, who))!;
		expect(page).toMatchObject({
			status: 'paused',
			progress: { code: 'paused' },
			current: { number: 2 }
		});
		// Nothing was done meanwhile, so nothing is marked done on resuming.
		expect(await resumeEnrolment(t.ctx, who)).toEqual([]);
		page = (await getClientProgramPage(t.ctx, who))!;
		expect(page.progress.code).toBe('on-track');
		expect(page.steps[0]!.how).toBe('moved-on');

		// Cole leaves the practice: Cleo's program goes on, and the admin still runs it.
		await t.ctx.db.deleteFrom('memberships').where('user_id', '=', coach.userId).execute();
		await t.ctx.db
			.updateTable('memberships')
			.set({ coach_id: null })
			.where('user_id', '=', cleo.userId)
			.execute();
		expect((await getMyProgram(t.ctx, { actor: cleoA }))!.current).toMatchObject({ number: 2 });
		await endEnrolment(t.ctx, { ...who, actor: ada });
		expect(await getMyProgram(t.ctx, { actor: cleoA })).toBeNull();
	});

	it('shows progress on the roster by the practice’s thresholds and tells a change once', async () => {
		const { p, ada, coach, cleo } = await practice(t.ctx);
		const target = await fourSteps(t.ctx, coach, p);
		await publishProgram(t.ctx, target);
		await enrolClients(t.ctx, { ...target, clientIds: [cleo.userId], startOn: '2026-11-27' });
		const progress = async () =>
			(
				await listProgramProgress(t.ctx.db, {
					practiceId: p,
					clientIds: [cleo.userId],
					now: t.ctx.now()
				})
			).get(cleo.userId);
		expect(await progress()).toMatchObject({
			stepNumber: 1,
			stepTitle: 'Why the middle',
			total: 4,
			progressName: 'On track'
		});
		t.clock.advance(10 * DAY); // due after 7 days, so 3 days overdue
		expect(await progress()).toMatchObject({ progress: 'at-risk' });
		expect(await takeProgressChanges(t.ctx.db, [cleo.userId], t.ctx.now())).toEqual(
			new Map([[cleo.userId, { progress: 'at-risk', name: 'At risk', title: 'Steady steps' }]])
		);
		expect((await takeProgressChanges(t.ctx.db, [cleo.userId], t.ctx.now())).size).toBe(0);
		await expect(
			setProgressThresholds(t.ctx, {
				actor: ada,
				practiceId: p,
				values: { atRiskDays: '5', offTrackDays: '4', inactiveDays: '21' }
			})
		).rejects.toThrow(/Off track must come later/);
		await setProgressThresholds(t.ctx, {
			actor: ada,
			practiceId: p,
			values: { atRiskDays: '1', offTrackDays: '2', inactiveDays: '21' }
		});
		expect(await progress()).toMatchObject({ progress: 'off-track' });
	});

	it('exports and imports the same program, and names the place of a problem in a file', async () => {
		const { p, coach } = await practice(t.ctx);
		const { id } = await copyProgram(t.ctx, { actor: coach, practiceId: p, from: 'built-in' });
		const exported = await exportProgram(t.ctx, { actor: coach, practiceId: p, programId: id });
		const imported = await importProgram(t.ctx, {
			actor: coach,
			practiceId: p,
			text: exported.json
		});
		const again = await exportProgram(t.ctx, {
			actor: coach,
			practiceId: p,
			programId: imported.id
		});
		expect(again.json).toBe(exported.json);
		expect(JSON.parse(again.json).steps).toHaveLength(6);

		const bad = JSON.parse(exported.json);
		bad.steps[2].delivery = { rule: 'days-after-start', days: 'three' };
		await expect(
			importProgram(t.ctx, { actor: coach, practiceId: p, text: JSON.stringify(bad) })
		).rejects.toThrow(/^Step 3 of the file, its delivery days: /);
		await expect(
			importProgram(t.ctx, {
				actor: coach,
				practiceId: p,
				text: JSON.stringify({ ...bad, schema: 3 })
			})
		).rejects.toThrow(/newer Midpoint \(schema 3\)/);
		await expect(
			importProgram(t.ctx, { actor: coach, practiceId: p, text: '{ nope' })
		).rejects.toThrow(/not JSON/);
		await expect(
			importProgram(t.ctx, {
				actor: coach,
				practiceId: p,
				text: JSON.stringify(
					program([
						reading('a', { rule: 'right-away' }),
						reading('b', { rule: 'after-previous', after: 'c' }),
						reading('c', { rule: 'after-previous', after: 'b' })
					])
				)
			})
		).rejects.toThrow(/waits, through other steps, for itself/);
		expect(await t.ctx.db.selectFrom('programs').select('id').execute()).toHaveLength(2);

		// Moving a step that waits for the one before it to the top is refused: nothing would come first.
		const move = (stepId: string, by: -1 | 1) =>
			moveStep(t.ctx, { actor: coach, practiceId: p, programId: id, stepId, by });
		await expect(move('examine', -1)).rejects.toThrow(/first step has no step before it/);
		await move('resonate', -1);
		const moved = await exportProgram(t.ctx, { actor: coach, practiceId: p, programId: id });
		expect(
			JSON.parse(moved.json)
				.steps.map((s: { id: string }) => s.id)
				.slice(0, 3)
		).toEqual(['locate', 'resonate', 'examine']);
	});

	it('lets a self-guided client start the built-in program, once', async () => {
		const sol = await buildClient(t.ctx, { name: 'Sol' });
		const solA: Actor = { userId: sol.userId, practices: {} };
		await startBuiltInProgram(t.ctx, { actor: solA });
		await expect(startBuiltInProgram(t.ctx, { actor: solA })).rejects.toThrow(
			/already follow a program/
		);
		const mine = (await getMyProgram(t.ctx, { actor: solA, position: -40 }))!;
		expect(mine).toMatchObject({
			title: 'Pursuing interdependence',
			total: 6,
			current: { number: 1, detected: false, step: { title: 'Where do I land?' } }
		});
		await completeMyStep(t.ctx, { actor: solA, stepId: 'locate' });
		const examine = (await getMyProgram(t.ctx, { actor: solA, position: -40 }))!.current!.step;
		expect('prompts' in examine && examine.prompts.map((x) => x.id)).toEqual([
			'examine-independent-when',
			'examine-independent-pattern',
			'examine-independent-cost'
		]);
	});
});
