import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, buildCoach } from '../../../../tests/factories/accounts.ts';
import { closeAction } from './close-action.ts';
import { createAction } from './create-action.ts';
import { deleteAction } from './delete-action.ts';
import { getAction } from './get-action.ts';
import { listActions } from './list-actions.ts';
import { pauseAction } from './pause-action.ts';
import { prepareNewAction } from './prepare-new-action.ts';
import { reportBack } from './report-back.ts';
import { rescheduleAction } from './reschedule-action.ts';
import { resumeAction } from './resume-action.ts';
import { skipOccurrence } from './skip-occurrence.ts';
import {
	clientActor,
	coachActor,
	newAction,
	reportOn
} from '../../../../tests/factories/actions.ts';

const DAY = 24 * 60 * 60 * 1000;

const report = reportOn;

describe.each(testDialects())('actions on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('commits up to three open actions and kindly refuses a fourth until one is closed', async () => {
		const client = await buildClient(t.ctx);
		const actor = clientActor(client.userId);
		const ids: string[] = [];
		for (let i = 0; i < 3; i++)
			ids.push((await createAction(t.ctx, { actor, action: newAction({ what: `Step ${i}` }) })).id);
		await expect(createAction(t.ctx, { actor, action: newAction() })).rejects.toMatchObject({
			code: 'conflict',
			message: expect.stringContaining('three actions open')
		});
		await closeAction(t.ctx, { actor, actionId: ids[0]! });
		await closeAction(t.ctx, { actor, actionId: ids[0]! }); // closing twice is harmless
		const fourth = await createAction(t.ctx, { actor, action: newAction({ what: 'Step 3' }) });
		const list = await listActions(t.ctx, { actor });
		expect(list.open.map((a) => a.id)).toContain(fourth.id);
		expect(list.closed.map((a) => a.id)).toEqual([ids[0]]);
	});

	it('makes one action from a double submit of the same form', async () => {
		const client = await buildClient(t.ctx);
		const actor = clientActor(client.userId);
		const key = crypto.randomUUID();
		const [a, b] = await Promise.all([
			createAction(t.ctx, { actor, action: newAction({ key }) }),
			createAction(t.ctx, { actor, action: newAction({ key }) })
		]);
		expect(a.id).toBe(key);
		expect(b.id).toBe(key);
		expect([a.created, b.created].sort()).toEqual([false, true]);
		expect((await listActions(t.ctx, { actor })).open).toHaveLength(1);
	});

	it('refuses a due date in the past even when the form was not checked', async () => {
		const client = await buildClient(t.ctx);
		const actor = clientActor(client.userId);
		await expect(
			createAction(t.ctx, {
				actor,
				action: newAction({ schedule: { type: 'date', dueOn: '2026-11-26' } })
			})
		).rejects.toMatchObject({ code: 'invalid_input', fields: { dueOn: expect.any(String) } });
		expect((await listActions(t.ctx, { actor })).open).toHaveLength(0);
	});

	it('is due on its date, takes a report-back, and a second report updates the first', async () => {
		const client = await buildClient(t.ctx);
		const actor = clientActor(client.userId);
		const { id } = await createAction(t.ctx, { actor, action: newAction() });
		expect((await listActions(t.ctx, { actor })).dueCount).toBe(0);
		await expect(
			reportBack(t.ctx, { actor, actionId: id, report: report('2026-12-01') })
		).rejects.toThrow('This report-back opens on Tuesday 1 December');

		t.clock.advance(4 * DAY); // Tuesday 1 December
		const list = await listActions(t.ctx, { actor });
		expect(list.dueCount).toBe(1);
		expect(list.open[0]!.due).toBe('2026-12-01');

		const twice = await Promise.all([
			reportBack(t.ctx, { actor, actionId: id, report: report('2026-12-01') }),
			reportBack(t.ctx, { actor, actionId: id, report: report('2026-12-01') })
		]);
		expect(twice.filter((r) => r.created).length).toBeGreaterThanOrEqual(1);
		await reportBack(t.ctx, {
			actor,
			actionId: id,
			report: report('2026-12-01', { outcome: 'partly', note: 'Changed my mind a little.' })
		});
		const view = await getAction(t.ctx, { actor, actionId: id });
		expect(view.reports).toHaveLength(1);
		expect(view.reports[0]).toMatchObject({
			outcome: 'partly',
			note: 'Changed my mind a little.',
			measure: 20,
			measureLabel: 'minutes'
		});
		expect(view.action.due).toBeNull();
		expect((await listActions(t.ctx, { actor })).dueCount).toBe(0);
	});

	it('moves a date to today so it is due now; a past date is refused', async () => {
		const client = await buildClient(t.ctx);
		const actor = clientActor(client.userId);
		const { id } = await createAction(t.ctx, { actor, action: newAction() });
		await expect(
			rescheduleAction(t.ctx, {
				actor,
				actionId: id,
				schedule: { type: 'date', dueOn: '2026-11-20' }
			})
		).rejects.toMatchObject({ code: 'invalid_input' });
		await rescheduleAction(t.ctx, {
			actor,
			actionId: id,
			schedule: { type: 'date', dueOn: '2026-11-27' }
		});
		expect((await getAction(t.ctx, { actor, actionId: id })).action.due).toBe('2026-11-27');
	});

	it('runs a weekly rhythm: skip a week, pause, resume, and the weekday never moves', async () => {
		const client = await buildClient(t.ctx);
		const actor = clientActor(client.userId);
		// Every Wednesday, committed on Friday 27 November: first on 2 December.
		const { id } = await createAction(t.ctx, {
			actor,
			action: newAction({ schedule: { type: 'weekly', weekday: 3 } })
		});
		const state = async () => (await getAction(t.ctx, { actor, actionId: id })).action;
		expect(await state()).toMatchObject({ due: null, next: '2026-12-02' });

		// Skip the first week ahead of time; a second press changes nothing.
		await skipOccurrence(t.ctx, { actor, actionId: id, occurrence: '2026-12-02' });
		await skipOccurrence(t.ctx, { actor, actionId: id, occurrence: '2026-12-02' });
		expect(await state()).toMatchObject({ due: null, next: '2026-12-09' });

		t.clock.advance(12 * DAY); // Wednesday 9 December
		expect((await state()).due).toBe('2026-12-09');
		await reportBack(t.ctx, {
			actor,
			actionId: id,
			report: report('2026-12-09', { outcome: 'not-yet', mutuality: null, compared: null })
		});
		await expect(
			skipOccurrence(t.ctx, { actor, actionId: id, occurrence: '2026-12-09' })
		).rejects.toThrow('already reported');

		// Pause until 21 December: 16 December is not asked for; 23 December is.
		await pauseAction(t.ctx, { actor, actionId: id, until: '2026-12-21' });
		t.clock.advance(7 * DAY); // Wednesday 16 December
		expect(await state()).toMatchObject({ due: null, next: '2026-12-23' });
		await expect(
			pauseAction(t.ctx, { actor, actionId: id, until: '2026-12-16' })
		).rejects.toMatchObject({ fields: { pauseUntil: expect.any(String) } });
		await resumeAction(t.ctx, { actor, actionId: id });
		// Resuming on the rhythm day itself makes today's occurrence count.
		expect((await state()).due).toBe('2026-12-16');

		const view = await getAction(t.ctx, { actor, actionId: id });
		expect(view.reports.map((r) => [r.occurrence, r.skipped])).toEqual([
			['2026-12-09', false],
			['2026-12-02', true]
		]);
	});

	it('reports after a skip by turning the skip into a report', async () => {
		const client = await buildClient(t.ctx);
		const actor = clientActor(client.userId);
		const { id } = await createAction(t.ctx, {
			actor,
			action: newAction({ schedule: { type: 'weekly', weekday: 3 } })
		});
		t.clock.advance(5 * DAY); // Wednesday 2 December
		await skipOccurrence(t.ctx, { actor, actionId: id, occurrence: '2026-12-02' });
		expect(
			(await reportBack(t.ctx, { actor, actionId: id, report: report('2026-12-02') })).created
		).toBe(false);
		const view = await getAction(t.ctx, { actor, actionId: id });
		expect(view.reports).toHaveLength(1);
		expect(view.reports[0]!.skipped).toBe(false);
	});

	it('takes no report-back on a closed action, and deletes it with its history', async () => {
		const client = await buildClient(t.ctx);
		const actor = clientActor(client.userId);
		const { id } = await createAction(t.ctx, {
			actor,
			action: newAction({ schedule: { type: 'date', dueOn: '2026-11-27' } })
		});
		await reportBack(t.ctx, { actor, actionId: id, report: report('2026-11-27') });
		await closeAction(t.ctx, { actor, actionId: id });
		await expect(
			reportBack(t.ctx, { actor, actionId: id, report: report('2026-11-27') })
		).rejects.toThrow('closed');
		await deleteAction(t.ctx, { actor, actionId: id });
		await expect(getAction(t.ctx, { actor, actionId: id })).rejects.toMatchObject({
			code: 'not_found'
		});
		const left = await t.ctx.db.selectFrom('action_reports').selectAll().execute();
		expect(left).toHaveLength(0);
	});

	it('suggests what fits the lean and fills the form from a chosen one', async () => {
		const client = await buildClient(t.ctx);
		const actor = clientActor(client.userId);
		const ready = await prepareNewAction(t.ctx, { actor, suggestionId: 'dep-book-it' });
		expect(ready.lean).toBe('mixed'); // no result yet
		expect(ready.suggestions.length).toBeGreaterThanOrEqual(3);
		expect(ready.chosen?.kind).toBe('decide-share');
		expect((await prepareNewAction(t.ctx, { actor, suggestionId: 'nope' })).chosen).toBeNull();
	});

	describe('who may see and change an action', () => {
		it('answers another client and a coach of another practice with "not found"', async () => {
			const coach = await buildCoach(t.ctx);
			const client = await buildClient(t.ctx, { coach });
			const owner = clientActor(client.userId, coach.practiceId);
			const { id } = await createAction(t.ctx, {
				actor: owner,
				action: newAction({ schedule: { type: 'date', dueOn: '2026-11-27' } })
			});
			const other = await buildClient(t.ctx, { coach });
			const foreign = await buildCoach(t.ctx);
			const outsiders = [
				clientActor(other.userId, coach.practiceId),
				coachActor(foreign.userId, foreign.practiceId)
			];
			for (const actor of outsiders) {
				// Started one at a time, so each refusal is awaited before the next attempt.
				const attempts = [
					() => getAction(t.ctx, { actor, actionId: id }),
					() => reportBack(t.ctx, { actor, actionId: id, report: report('2026-11-27') }),
					() =>
						rescheduleAction(t.ctx, {
							actor,
							actionId: id,
							schedule: { type: 'date', dueOn: '2026-12-05' }
						}),
					() => closeAction(t.ctx, { actor, actionId: id }),
					() => deleteAction(t.ctx, { actor, actionId: id })
				];
				for (const attempt of attempts)
					await expect(attempt()).rejects.toMatchObject({ code: 'not_found' });
				expect((await listActions(t.ctx, { actor })).open).toHaveLength(0);
			}
			// An id that does not exist reads exactly the same.
			await expect(
				getAction(t.ctx, { actor: owner, actionId: crypto.randomUUID() })
			).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('not yours') });
			// Nothing changed.
			const view = await getAction(t.ctx, { actor: owner, actionId: id });
			expect(view.action).toMatchObject({ due: '2026-11-27', closedAt: null });
			expect(view.reports).toHaveLength(0);
		});

		it("lets the client's own coach read, but not report or change", async () => {
			const coach = await buildCoach(t.ctx);
			const client = await buildClient(t.ctx, { coach });
			const { id } = await createAction(t.ctx, {
				actor: clientActor(client.userId, coach.practiceId),
				action: newAction({ schedule: { type: 'date', dueOn: '2026-11-27' } })
			});
			const actor = coachActor(coach.userId, coach.practiceId);
			const seen = await getAction(t.ctx, { actor, actionId: id });
			expect(seen.canWrite).toBe(false);
			await expect(
				reportBack(t.ctx, { actor, actionId: id, report: report('2026-11-27') })
			).rejects.toMatchObject({ code: 'not_found' });
			await expect(deleteAction(t.ctx, { actor, actionId: id })).rejects.toMatchObject({
				code: 'not_found'
			});
		});
	});
});
