import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fourSteps, practice } from '../../../../tests/factories/programs.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import type { Actor } from '../../domain/policies.ts';
import { buildClient } from '../../../../tests/factories/accounts.ts';
import { addMembership } from '../practices/repository.ts';
import { createProgram, exportProgram } from './create-program.ts';
import { addStep, removeStep, saveStep } from './edit-draft.ts';
import { completeMyStep, getMyProgram } from './follow.ts';
import { enrolClients } from './enrol.ts';
import { getClientProgramPage } from './client-program-page.ts';
import { moveToLatestVersion } from './manage-enrolment.ts';
import { publishProgram, shareProgram } from './publish-program.ts';

const DAY = 24 * 3600_000;

describe.each(testDialects())('programs on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('walks the four-step program: step 1 now, step 2 three days after, a check-in to the coach', async () => {
		const { p, coach, cleo, cleoA } = await practice(t.ctx);
		const target = await fourSteps(t.ctx, coach, p);
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
		const { p, coach, cleo, cleoA } = await practice(t.ctx);
		const target = await fourSteps(t.ctx, coach, p);
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
		const { p, ada, coach, cleo, olly } = await practice(t.ctx);
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

		const four = await fourSteps(t.ctx, coach, p);
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
});
