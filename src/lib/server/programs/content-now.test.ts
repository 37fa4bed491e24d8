import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_SUGGESTIONS } from '../../content/program/action-suggestions.ts';
import { promptsFor } from '../../content/program/lean.ts';
import { reflectionSteps } from '../../content/program/reflection.ts';
import { pickSuggestions } from '../../domain/actions/suggestions.ts';
import { completeAssessment } from '../../../../tests/factories/assessments.ts';
import { practice } from '../../../../tests/factories/programs.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { todayFor } from '../../domain/actions/dates.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { prepareNewAction } from '../actions/prepare-new-action.ts';
import { getJournalPage } from '../journal/get-journal-page.ts';
import { journalStepsNow, promptToWrite } from '../journal/prompts-now.ts';
import { saveJournalEntry } from '../journal/save-journal-entry.ts';
import { createProgram } from './create-program.ts';
import { addStep, saveStep } from './edit-draft.ts';
import { removeIdea, saveIdea } from './edit-ideas.ts';
import { enrolClients } from './enrol.ts';
import { completeMyStep } from './follow.ts';
import { publishProgram } from './publish-program.ts';

const IDEA = 'Ask your neighbour to water the plants while you are away.';

/** A coach's program: their own prompts in step 1 (by lean), their own single idea in step 2. */
async function coachProgram(ctx: AppContext, coach: Actor, p: string) {
	const { id } = await createProgram(ctx, { actor: coach, practiceId: p, title: 'Rosa’s path' });
	const target = { actor: coach, practiceId: p, programId: id };
	await addStep(ctx, {
		...target,
		kind: 'reflection',
		form: {
			title: 'Who you lean on',
			intro: 'Think of the people around you.',
			promptsAny: 'Who did you call last when things went wrong? | One name is enough',
			promptsIndependent: 'What did you keep to yourself this week?',
			promptsDependent: 'Which choice did you hand to someone else?',
			rule: 'right-away',
			dueDays: '7'
		}
	});
	await addStep(ctx, {
		...target,
		kind: 'actions',
		form: {
			title: 'One small ask',
			intro: 'Try one of these.',
			rule: 'after-previous',
			dueDays: '7'
		}
	});
	const { ideaId } = await saveIdea(ctx, {
		...target,
		stepId: 'one-small-ask',
		ideaId: '',
		form: { text: IDEA, kind: 'ask-help', domain: 'FRI', discipline: 'commitment', suits: 'any' }
	});
	// Only the coach's own idea stays: the built-in ones the step started with are left out.
	const form = {
		title: 'One small ask',
		intro: 'Try one of these.',
		rule: 'after-previous',
		dueDays: '7'
	};
	await saveStep(ctx, { ...target, stepId: 'one-small-ask', form, kept: [ideaId] });
	await publishProgram(ctx, target);
	return { target, ideaId };
}

describe.each(testDialects())(
	'a program’s prompts and ideas in the journal and action form on %s',
	(dialect) => {
		let t: TestContext;
		beforeEach(async () => {
			t = await createTestContext(dialect);
		});
		afterEach(async () => {
			await t.dispose();
		});

		it('offers an enrolled client their step’s prompts for their lean, then the action step’s ideas', async () => {
			const { p, coach, cleo, cleoA } = await practice(t.ctx);
			const { target, ideaId } = await coachProgram(t.ctx, coach, p);
			await enrolClients(t.ctx, {
				...target,
				clientIds: [cleo.userId],
				startOn: todayFor(t.ctx.now())
			});

			// No result yet: the prompts for anyone, and a choice of side, as the journal's step 2 does.
			let now = await journalStepsNow(t.ctx, { actor: cleoA });
			expect(now.from).toEqual({ programTitle: 'Rosa’s path', number: 1 });
			expect(now.suggested).toBe('choose');
			expect(now.steps).toHaveLength(1);
			expect(now.steps[0]).toMatchObject({ title: 'Who you lean on', byLean: true });
			expect(now.steps[0]!.prompts.map((x) => x.text)).toEqual([
				'Who did you call last when things went wrong?'
			]);
			now = await journalStepsNow(t.ctx, { actor: cleoA, picked: 'dependent' });
			expect(now.steps[0]!.prompts.map((x) => x.text)).toEqual([
				'Who did you call last when things went wrong?',
				'Which choice did you hand to someone else?'
			]);

			// A result that leans independent picks that side by itself.
			await completeAssessment(t.ctx, {
				userId: cleo.userId,
				practiceId: p,
				lean: { IND: 5, DEP: 1, MUT: 2 },
				date: t.ctx.now()
			});
			now = await journalStepsNow(t.ctx, { actor: cleoA });
			expect(now.suggested).toBe('independent');
			expect(now.steps[0]!.prompts.map((x) => x.text)).toEqual([
				'Who did you call last when things went wrong?',
				'What did you keep to yourself this week?'
			]);

			// The new-entry form shows the coach's prompt, and the entry keeps it as it read.
			const [first] = now.steps[0]!.prompts;
			const prompt = await promptToWrite(t.ctx, {
				actor: cleoA,
				step: now.steps[0]!.id,
				promptId: first!.id
			});
			expect(prompt).toMatchObject({
				heading: 'From your program: Who you lean on',
				text: 'Who did you call last when things went wrong?',
				hint: 'One name is enough'
			});
			const write = (step: string, promptId: string) =>
				saveJournalEntry(t.ctx, {
					actor: cleoA,
					step,
					promptId,
					body: 'My sister.',
					domains: [],
					disciplines: []
				});
			const { id } = await write(now.steps[0]!.id, first!.id);
			// A built-in prompt is not offered while the program's own step is open.
			await expect(write('resonate', 'resonate-together')).rejects.toThrow(
				/not one offered to you now/
			);
			await expect(
				promptToWrite(t.ctx, { actor: cleoA, step: 'resonate', promptId: 'resonate-together' })
			).rejects.toThrow(/not one offered to you now/);

			// While step 1 is open the action form still offers the built-in ideas.
			let form = await prepareNewAction(t.ctx, { actor: cleoA });
			expect(form.from).toBeNull();
			expect(form.suggestions.every((s) => s.id !== ideaId)).toBe(true);

			// Step 1 done: step 2 opens, and the action form offers the coach's idea from it.
			await completeMyStep(t.ctx, { actor: cleoA, stepId: now.steps[0]!.id });
			form = await prepareNewAction(t.ctx, { actor: cleoA, suggestionId: ideaId });
			expect(form.from).toMatchObject({ number: 2, title: 'One small ask' });
			expect(form.intro).toBe('Try one of these.');
			expect(form.suggestions.map((s) => s.text)).toEqual([IDEA]);
			expect(form.chosen).toMatchObject({ text: IDEA, kind: 'ask-help', domain: 'FRI' });

			// The journal is back on the built-in steps; the entry still shows the prompt it answered.
			now = await journalStepsNow(t.ctx, { actor: cleoA });
			expect(now.from).toBeNull();
			expect(now.steps).toHaveLength(5);
			const page = await getJournalPage(t.ctx, { actor: cleoA, id });
			expect(page.prompt.text).toBe('Who did you call last when things went wrong?');
			expect(page.prompt.heading).toBe('From your program: Who you lean on');
		});

		it('gives a self-guided client exactly today’s prompts and ideas', async () => {
			const { ollyA } = await practice(t.ctx);
			for (const picked of ['independent', 'dependent'] as const) {
				const now = await journalStepsNow(t.ctx, { actor: ollyA, picked });
				expect(now.from).toBeNull();
				expect(
					now.steps.map((s) => ({ id: s.id, title: s.title, intro: s.intro, n: s.number }))
				).toEqual(
					reflectionSteps.map((s) => ({ id: s.id, title: s.title, intro: s.intro, n: s.number }))
				);
				for (const [i, step] of reflectionSteps.entries())
					expect(now.steps[i]!.prompts).toEqual(
						promptsFor(step, picked).map(({ id, text }) => ({ id, text }))
					);
			}
			// Without a side chosen, step 2 waits for the choice, as it always has.
			const unpicked = await journalStepsNow(t.ctx, { actor: ollyA });
			expect(unpicked.steps.map((s) => s.prompts.length)).toEqual([2, 0, 2, 2, 2]);
			const prompt = await promptToWrite(t.ctx, {
				actor: ollyA,
				step: 'examine',
				promptId: 'examine-dependent-when'
			});
			expect(prompt.heading).toBe('Step 2: My patterns');
			const form = await prepareNewAction(t.ctx, { actor: ollyA });
			expect(form.from).toBeNull();
			expect(form.suggestions).toEqual(
				pickSuggestions(ACTION_SUGGESTIONS, 'mixed', todayFor(t.ctx.now()))
			);
		});

		it('refuses a badly filled idea by field, keeps the last idea, and changes nothing', async () => {
			const { p, coach } = await practice(t.ctx);
			const { target } = await coachProgram(t.ctx, coach, p);
			const draft = async () =>
				(
					await t.ctx.db
						.selectFrom('programs')
						.select('draft')
						.where('id', '=', target.programId)
						.executeTakeFirstOrThrow()
				).draft;
			const before = await draft();
			const bad = saveIdea(t.ctx, {
				...target,
				stepId: 'one-small-ask',
				ideaId: '',
				form: { text: 'Call', kind: 'shout', domain: 'FRI', discipline: '', suits: 'any' }
			});
			await expect(bad).rejects.toMatchObject({
				fields: {
					text: expect.stringMatching(/at least 10 characters/),
					kind: 'Choose what kind of action it is.',
					discipline: 'Choose the discipline it practises.'
				}
			});
			const [only] = JSON.parse(before).steps[1].suggestions;
			await expect(
				removeIdea(t.ctx, { ...target, stepId: 'one-small-ask', ideaId: only.id })
			).rejects.toThrow(/at least one idea/);
			await expect(
				saveIdea(t.ctx, {
					...target,
					stepId: 'who-you-lean-on',
					ideaId: '',
					form: {
						text: IDEA,
						kind: 'ask-help',
						domain: 'FRI',
						discipline: 'commitment',
						suits: 'any'
					}
				})
			).rejects.toThrow(/Only an action step/);
			expect(await draft()).toBe(before);
		});
	}
);
