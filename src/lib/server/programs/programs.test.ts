import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildClient, buildCoach } from '../../../../tests/factories/accounts.ts';
import { program, reading } from '../../../../tests/factories/programs.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import type { Actor } from '../../domain/policies.ts';
import { addMembership } from '../practices/repository.ts';
import { copyProgram, createProgram, exportProgram, importProgram } from './create-program.ts';
import { addStep, moveStep, removeStep, saveStep } from './edit-draft.ts';
import { completeMyStep, getMyProgram } from './follow.ts';
import { enrolClients, startBuiltInProgram } from './enrol.ts';
import { getClientProgramPage } from './client-program-page.ts';
import {
	endEnrolment,
	moveOnByStep,
	moveToLatestVersion,
	pauseEnrolment,
	resumeEnrolment
} from './manage-enrolment.ts';
import { listProgramProgress, takeProgressChanges } from './progress.ts';
import { publishProgram, shareProgram } from './publish-program.ts';
import { setProgressThresholds } from './thresholds.ts';

const DAY = 24 * 3600_000;

describe.each(testDialects())('programs on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	async function practice() {
		const owner = await buildCoach(t.ctx, { name: 'Ada Admin' });
		const p = owner.practiceId;
		const coachUser = await buildClient(t.ctx, { name: 'Cole Coach' });
		await addMembership(t.ctx.db, {
			id: randomUUID(),
			practiceId: p,
			userId: coachUser.userId,
			role: 'coach',
			at: t.ctx.now().toISOString()
		});
		const cole = { userId: coachUser.userId, practiceId: p };
		const cleo = await buildClient(t.ctx, { coach: cole, name: 'Cleo Client' });
		const olly = await buildClient(t.ctx, { coach: cole, name: 'Olly Other' });
		const ada: Actor = { userId: owner.userId, practices: { [p]: ['admin', 'coach'] } };
		const coach: Actor = { userId: cole.userId, practices: { [p]: ['coach'] } };
		const client = (id: string): Actor => ({ userId: id, practices: { [p]: ['client'] } });
		return { p, ada, coach, cleo, olly, cleoA: client(cleo.userId), ollyA: client(olly.userId) };
	}

	/** The Done-when program: four steps, a reading, and a 3-day wait before step 2. */
	async function fourSteps(actor: Actor, p: string) {
		const { id } = await createProgram(t.ctx, { actor, practiceId: p, title: 'Steady steps' });
		const target = { actor, practiceId: p, programId: id };
		await addStep(t.ctx, {
			...target,
			kind: 'reading',
			form: { title: 'Why the middle', body: 'Read *slowly*.', rule: 'right-away', dueDays: '7' }
		});
		await addStep(t.ctx, {
			...target,
			kind: 'check-in',
			form: {
				title: 'How was it',
				question: 'What stayed with you?',
				rule: 'days-after-previous',
				days: '3',
				dueDays: '7'
			}
		});
		await addStep(t.ctx, {
			...target,
			kind: 'reflection',
			form: {
				title: 'Patterns',
				intro: 'Look closely.',
				promptsAny: 'When did you ask? | A recent time',
				rule: 'after-previous',
				dueDays: '7'
			}
		});
		await addStep(t.ctx, {
			...target,
			kind: 'actions',
			form: { title: 'Try one', intro: 'Pick one.', rule: 'after-previous', dueDays: '7' }
		});
		return target;
	}

	it('walks the four-step program: step 1 now, step 2 three days after, a check-in to the coach', async () => {
		const { p, coach, cleo, cleoA } = await practice();
		const target = await fourSteps(coach, p);
		expect(await publishProgram(t.ctx, target)).toEqual({ number: 1 });
		await enrolClients(t.ctx, { ...target, clientIds: [cleo.userId], startOn: '2026-11-27' });

		let mine = (await getMyProgram(t.ctx, { actor: cleoA }))!;
		expect(mine.current).toMatchObject({
			number: 1,
			open: true,
			step: { title: 'Why the middle', html: '<p>Read <em>slowly</em>.</p>\n' }
		});
		expect(mine.next).toMatchObject({ number: 2, when: { afterTitle: 'Why the middle', days: 3 } });

		await completeMyStep(t.ctx, { actor: cleoA, stepId: mine.current!.step.id });
		mine = (await getMyProgram(t.ctx, { actor: cleoA }))!;
		expect(mine.current).toMatchObject({ number: 2, open: false });
		await expect(
			completeMyStep(t.ctx, { actor: cleoA, stepId: mine.current!.step.id, answer: 'x' })
		).rejects.toThrow(/not opened yet/);

		t.clock.advance(3 * DAY);
		mine = (await getMyProgram(t.ctx, { actor: cleoA }))!;
		expect(mine.current).toMatchObject({
			number: 2,
			open: true,
			step: { question: 'What stayed with you?' }
		});
		await expect(
			completeMyStep(t.ctx, { actor: cleoA, stepId: mine.current!.step.id, answer: ' ' })
		).rejects.toThrow(/Write an answer/);
		await completeMyStep(t.ctx, {
			actor: cleoA,
			stepId: mine.current!.step.id,
			answer: 'Asking is easier than I thought.'
		});

		const page = (await getClientProgramPage(t.ctx, {
			actor: coach,
			practiceId: p,
			clientId: cleo.userId
		}))!;
		expect(page.steps[1]!.answer).toBe('Asking is easier than I thought.');
		const stored = await t.ctx.db
			.selectFrom('enrolment_steps')
			.select('answer')
			.where('answer', 'is not', null)
			.executeTakeFirstOrThrow();
		expect(stored.answer).not.toContain('Asking');
		expect(page.current).toMatchObject({ number: 3 });
	});

	it('keeps an enrolled client on version 1 until moved, and says what moving would change', async () => {
		const { p, coach, cleo, cleoA } = await practice();
		const target = await fourSteps(coach, p);
		await publishProgram(t.ctx, target);
		await enrolClients(t.ctx, { ...target, clientIds: [cleo.userId], startOn: '2026-11-27' });
		const draft = (await t.ctx.db.selectFrom('programs').select('draft').executeTakeFirstOrThrow())
			.draft;
		const stepTwo = JSON.parse(draft).steps[1].id;
		await saveStep(t.ctx, {
			...target,
			stepId: stepTwo,
			kept: [],
			form: {
				title: 'How did it go',
				question: 'What did you notice?',
				rule: 'days-after-previous',
				days: '3',
				dueDays: '7'
			}
		});
		await expect(publishProgram(t.ctx, target)).resolves.toEqual({ number: 2 });
		await expect(publishProgram(t.ctx, target)).rejects.toThrow(/Nothing changed since version 2/);

		await completeMyStep(t.ctx, { actor: cleoA, stepId: 'why-the-middle' });
		t.clock.advance(3 * DAY);
		expect((await getMyProgram(t.ctx, { actor: cleoA }))!.current!.step).toMatchObject({
			title: 'How was it'
		});
		const page = (await getClientProgramPage(t.ctx, {
			actor: coach,
			practiceId: p,
			clientId: cleo.userId
		}))!;
		expect(page.version).toBe(1);
		expect(page.newer).toEqual({
			number: 2,
			changes: [{ change: 'changed', title: 'How did it go' }]
		});

		await expect(
			moveToLatestVersion(t.ctx, {
				actor: coach,
				practiceId: p,
				clientId: cleo.userId,
				seenVersion: 1
			})
		).rejects.toThrow(/newer version/);
		await moveToLatestVersion(t.ctx, {
			actor: coach,
			practiceId: p,
			clientId: cleo.userId,
			seenVersion: 2
		});
		const moved = (await getMyProgram(t.ctx, { actor: cleoA }))!;
		expect(moved.current).toMatchObject({ number: 2, step: { title: 'How did it go' } });
	});

	it('refuses bad programs, a second enrolment, and someone else’s client', async () => {
		const { p, ada, coach, cleo, olly } = await practice();
		const { id } = await createProgram(t.ctx, { actor: coach, practiceId: p, title: 'Empty' });
		const target = { actor: coach, practiceId: p, programId: id };
		await expect(publishProgram(t.ctx, target)).rejects.toThrow(/no steps yet/);
		await expect(
			addStep(t.ctx, {
				...target,
				kind: 'reading',
				form: { title: 'Bad', body: '<script>x</script>', rule: 'right-away', dueDays: '7' }
			})
		).rejects.toThrow(/raw HTML/);
		await expect(
			addStep(t.ctx, {
				...target,
				kind: 'reading',
				form: { title: 'First', body: 'x', rule: 'after-previous', dueDays: '7' }
			})
		).rejects.toThrow(/no step before it/);
		await expect(
			addStep(t.ctx, {
				...target,
				kind: 'reading',
				form: { title: 'Days', body: 'x', rule: 'days-after-start', days: 'abc', dueDays: '7' }
			})
		).rejects.toMatchObject({ fields: { days: 'Enter a whole number of days.' } });
		const draft = await t.ctx.db
			.selectFrom('programs')
			.select('draft')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(JSON.parse(draft.draft).steps).toEqual([]);

		const four = await fourSteps(coach, p);
		await expect(
			enrolClients(t.ctx, { ...four, clientIds: [cleo.userId], startOn: '2026-11-27' })
		).rejects.toThrow(/Publish this program/);
		await publishProgram(t.ctx, four);
		await expect(
			enrolClients(t.ctx, { ...four, clientIds: [cleo.userId], startOn: '27/11/2026' })
		).rejects.toThrow(/Enter a start date/);
		await enrolClients(t.ctx, {
			...four,
			clientIds: [cleo.userId, olly.userId],
			startOn: '2026-11-27'
		});
		await expect(
			enrolClients(t.ctx, { ...four, clientIds: [cleo.userId], startOn: '2026-11-27' })
		).rejects.toThrow(/Cleo Client already follows a program/);
		expect(await t.ctx.db.selectFrom('enrolments').select('id').execute()).toHaveLength(2);

		// Another coach of the practice sees neither the program (not shared) nor Cole's clients.
		const cara = await buildClient(t.ctx, { name: 'Cara' });
		await addMembership(t.ctx.db, {
			id: randomUUID(),
			practiceId: p,
			userId: cara.userId,
			role: 'coach',
			at: t.ctx.now().toISOString()
		});
		const caraA: Actor = { userId: cara.userId, practices: { [p]: ['coach'] } };
		await expect(
			exportProgram(t.ctx, { actor: caraA, practiceId: p, programId: four.programId })
		).rejects.toThrow(/no such program/);
		await expect(
			getClientProgramPage(t.ctx, { actor: caraA, practiceId: p, clientId: cleo.userId })
		).rejects.toThrow(/no such client/);
		await expect(
			shareProgram(t.ctx, { actor: coach, practiceId: p, programId: four.programId, shared: true })
		).rejects.toThrow(/Only an admin/);
		await shareProgram(t.ctx, {
			actor: ada,
			practiceId: p,
			programId: four.programId,
			shared: true
		});
		await expect(
			exportProgram(t.ctx, { actor: caraA, practiceId: p, programId: four.programId })
		).resolves.toMatchObject({ title: 'Steady steps' });
		// Sharing lets Cara use it, not change it.
		await expect(
			removeStep(t.ctx, {
				actor: caraA,
				practiceId: p,
				programId: four.programId,
				stepId: 'patterns'
			})
		).rejects.toThrow(/no such program/);
	});

	it('pauses, resumes, moves on by a step and ends; a client whose coach leaves keeps the enrolment', async () => {
		const { p, ada, coach, cleo, cleoA } = await practice();
		const target = await fourSteps(coach, p);
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
		await resumeEnrolment(t.ctx, who);
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
		const { p, ada, coach, cleo } = await practice();
		const target = await fourSteps(coach, p);
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
		const { p, coach } = await practice();
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
		).rejects.toThrow(/at steps\[2\]\.delivery\.days/);
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
			current: { number: 1, step: { title: 'Where do I land?' } }
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
