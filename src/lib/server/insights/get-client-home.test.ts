import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient } from '../../../../tests/factories/accounts.ts';
import type { Actor } from '../../domain/policies.ts';
import { closeAction } from '../actions/close-action.ts';
import { createAction } from '../actions/create-action.ts';
import { listActions } from '../actions/list-actions.ts';
import { reportBack } from '../actions/report-back.ts';
import { skipOccurrence } from '../actions/skip-occurrence.ts';
import { selfPages } from '../assessments/get-assessment-page.ts';
import { listAssessmentHistory } from '../assessments/list-assessment-history.ts';
import { saveAssessmentPage } from '../assessments/save-assessment-page.ts';
import { startAssessment } from '../assessments/start-assessment.ts';
import { getClientHome } from './get-client-home.ts';
import { getHomeAssessment } from './get-home-assessment.ts';
import { getHomeInsights } from './get-home-insights.ts';
import { newAction, reportOn } from '../../../../tests/factories/actions.ts';

const DAY = 24 * 60 * 60 * 1000;

const report = (occurrence: string) =>
	reportOn(occurrence, { happened: 'It went well.', measure: null, measureLabel: null });

describe.each(testDialects())('the client home, read once, on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	/** What the home shows must match the actions page and the charts read on their own. */
	async function expectSameAsTheRest(actor: Actor) {
		const home = await getClientHome(t.ctx, { actor });
		const list = await listActions(t.ctx, { actor });
		expect(home.actions).toEqual({ dueCount: list.dueCount, openCount: list.open.length });
		expect(home.insights).toEqual(await getHomeInsights(t.ctx, { actor }));
		return home;
	}

	it('counts what is due like the actions page, through skips, old due dates and closing', async () => {
		const client = await buildClient(t.ctx);
		const actor: Actor = { userId: client.userId, practices: {} };
		expect((await expectSameAsTheRest(actor)).actions).toEqual({ dueCount: 0, openCount: 0 });

		// Friday 27 November 2026: a one-off due Tuesday, a Wednesday rhythm, a Monday rhythm.
		const once = await createAction(t.ctx, { actor, action: newAction({}) });
		const weds = await createAction(t.ctx, {
			actor,
			action: newAction({ kind: 'together', schedule: { type: 'weekly', weekday: 3 } })
		});
		const mons = await createAction(t.ctx, {
			actor,
			action: newAction({ kind: 'offer-help', schedule: { type: 'weekly', weekday: 1 } })
		});
		expect((await expectSameAsTheRest(actor)).actions).toEqual({ dueCount: 0, openCount: 3 });

		t.clock.advance(5 * DAY); // Wednesday 2 December: all three have come due
		expect((await expectSameAsTheRest(actor)).actions).toEqual({ dueCount: 3, openCount: 3 });
		await reportBack(t.ctx, { actor, actionId: weds.id, report: report('2026-12-02') });
		// This Monday skipped, and next Monday ahead of time.
		await skipOccurrence(t.ctx, { actor, actionId: mons.id, occurrence: '2026-11-30' });
		await skipOccurrence(t.ctx, { actor, actionId: mons.id, occurrence: '2026-12-07' });
		expect((await expectSameAsTheRest(actor)).actions).toEqual({ dueCount: 1, openCount: 3 });

		// Four months on, the one-off is still waiting, though its date left the charts long ago;
		// the rhythms are due again this week.
		t.clock.advance(120 * DAY);
		expect((await expectSameAsTheRest(actor)).actions).toEqual({ dueCount: 3, openCount: 3 });
		// A report-back from long before the charts' weeks still settles its occurrence.
		await reportBack(t.ctx, { actor, actionId: once.id, report: report('2026-12-01') });
		expect((await expectSameAsTheRest(actor)).actions).toEqual({ dueCount: 2, openCount: 3 });
		await closeAction(t.ctx, { actor, actionId: once.id });
		await closeAction(t.ctx, { actor, actionId: mons.id });
		expect((await expectSameAsTheRest(actor)).actions).toEqual({ dueCount: 1, openCount: 1 });
	});

	it('shows the assessment in progress and the latest result, as the history has them', async () => {
		const client = await buildClient(t.ctx);
		const actor: Actor = { userId: client.userId, practices: {} };
		expect(await getHomeAssessment(t.ctx, { actor })).toEqual({ open: null, latest: null });

		async function take(value: string, pages = selfPages.length) {
			const { id } = await startAssessment(t.ctx, { userId: client.userId });
			for (let page = 0; page < pages; page++) {
				t.clock.advance(60_000);
				const answers = Object.fromEntries(
					selfPages[page]!.map((line, i) => [
						line.id,
						line.attention ? '4' : String(((i + Number(value)) % 5) + 1)
					])
				);
				await saveAssessmentPage(t.ctx, {
					actor,
					assessmentId: id,
					page,
					answers,
					confirmSkip: false
				});
			}
			return id;
		}
		const expected = async () => {
			const history = await listAssessmentHistory(t.ctx, { actor, userId: client.userId });
			const latest = history.entries.at(-1);
			return {
				open: history.open,
				latest: latest
					? { id: latest.id, position: latest.score.position, band: latest.score.band }
					: null
			};
		};

		const first = await take('1');
		expect(await getHomeAssessment(t.ctx, { actor })).toEqual(await expected());
		t.clock.advance(30 * DAY);
		const second = await take('3');
		const partway = await take('2', 2);
		const home = await getHomeAssessment(t.ctx, { actor });
		expect(home).toEqual(await expected());
		expect(home.latest?.id).toBe(second);
		expect(home.latest?.id).not.toBe(first);
		expect(home.open).toEqual({ id: partway, nextPage: 2 });
	});
});
