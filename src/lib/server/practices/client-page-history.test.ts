import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import {
	buildCoachingCast,
	reportedAction,
	sharedEntry
} from '../../../../tests/factories/workspace.ts';
import { closeAction } from '../actions/close-action.ts';
import { flushDeferredMarks } from '../deferred/deferred-marks.ts';
import { postReply } from '../replies/post-reply.ts';
import { recordCoachVisit } from './coach-visits.ts';
import { getClientPage } from './get-client-page.ts';

const HOUR = 3_600_000;

describe.each(testDialects())("the coach's page of a long-time client on %s", (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('shows the latest history and anything new, and all of it when asked', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const client = cast.actors.client;
		const where = { practiceId: cast.practiceId, clientId: cast.client.userId };
		const entries: string[] = [];
		const reports: string[] = [];
		for (let week = 1; week <= 13; week++) {
			t.clock.advance(7 * 24 * HOUR);
			entries.push(await sharedEntry(t.ctx, client, `Week ${week}: a talk with my sister.`));
			const { actionId, reportId } = await reportedAction(t.ctx, client, `Week ${week} went well.`);
			await closeAction(t.ctx, { actor: client, actionId });
			reports.push(reportId);
		}

		const first = await getClientPage(t.ctx, { actor: cast.actors.coach, ...where });
		// The latest ten of each, newest first, and how many more there are.
		expect(first.sharedEntries!.map((e) => e.body)).toEqual(
			Array.from({ length: 10 }, (_, i) => `Week ${13 - i}: a talk with my sister.`)
		);
		expect([first.sharedTotal, first.sharedHidden]).toEqual([13, 3]);
		expect(first.actions!.closed.map((a) => a.reports[0]!.happened)).toEqual(
			Array.from({ length: 10 }, (_, i) => `Week ${13 - i} went well.`)
		);
		expect(first.actions!.closedHidden).toBe(3);
		// What is new is counted over all of it, not only what is shown.
		expect(first.newSince).toMatchObject({ entries: 13, reports: 13 });

		// The coach comes back after the client answered a reply on the oldest entry and report.
		recordCoachVisit(t.ctx, first);
		await flushDeferredMarks(t.ctx);
		for (const [subjectType, subjectId] of [
			['entry', entries[0]!],
			['report', reports[0]!]
		] as const) {
			await postReply(t.ctx, {
				actor: cast.actors.coach,
				subjectType,
				subjectId,
				body: 'What did she say?',
				baseUrl: 'https://midpoint.example'
			});
			t.clock.advance(HOUR);
			await postReply(t.ctx, {
				actor: client,
				subjectType,
				subjectId,
				body: 'She offered to help.',
				baseUrl: 'https://midpoint.example'
			});
		}
		t.clock.advance(2 * HOUR);
		const back = await getClientPage(t.ctx, { actor: cast.actors.coach, ...where });
		expect(back.sharedEntries!.map((e) => e.id)).toContain(entries[0]);
		expect(back.sharedHidden).toBe(2);
		expect(back.actions!.closed.flatMap((a) => a.reports.map((r) => r.id))).toContain(reports[0]);
		expect(back.actions!.closedHidden).toBe(2);
		expect(back.newSince).toMatchObject({ entries: 0, reports: 0, replies: 2 });

		// A report-back just replied to stays in view; "Show all" shows everything.
		const kept = await getClientPage(t.ctx, {
			actor: cast.actors.coach,
			...where,
			keep: reports[1]
		});
		expect(kept.actions!.closed.flatMap((a) => a.reports.map((r) => r.id))).toContain(reports[1]);
		const all = await getClientPage(t.ctx, {
			actor: cast.actors.coach,
			...where,
			allHistory: true
		});
		expect([all.sharedEntries!.length, all.sharedHidden]).toEqual([13, 0]);
		expect([all.actions!.closed.length, all.actions!.closedHidden]).toEqual([13, 0]);
	});
});
