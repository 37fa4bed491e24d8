import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNotInSqliteFiles } from '../../../../tests/support/at-rest.ts';
import { databaseState } from '../../../../tests/support/db-state.ts';
import { buildCoachingCast } from '../../../../tests/factories/workspace.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { createAction } from '../actions/create-action.ts';
import { getActionPage } from '../actions/get-action-page.ts';
import { listActions } from '../actions/list-actions.ts';
import { reportBack } from '../actions/report-back.ts';
import { createCalendarFeed } from '../calendar/create-calendar-feed.ts';
import { readCalendarFeed } from '../calendar/read-calendar-feed.ts';
import { answerCounterpart, viewCounterpartRequest } from '../counterpart/answer-counterpart.ts';
import { askCounterpart } from '../counterpart/ask-counterpart.ts';
import { claimNextJob, completeJob } from '../jobs/queue.ts';
import { getClientPage } from '../practices/get-client-page.ts';
import { postReply } from '../replies/post-reply.ts';
import { listRepliesToRead } from '../replies/list-replies-to-read.ts';
import { sendDueReminders } from '../reminders/send-due-reminders.ts';

const base = 'https://midpoint.example';
// Unusual words, so that finding one in the database can only mean the clear text is there.
const WHAT = 'Ask Quillon to mend the gazebo roof with me';
const EMAIL = 'quillon.vantreck@example.net';
const HAPPENED = 'We argued about nails, then laughed about zinnias';
const NOTE = 'A marmalade kind of afternoon, honestly';
const COMMENT = 'Glad the periwinkle ladder held up';

/** The email job just queued: its text, and the job marked sent (which scrubs its payload). */
async function sendNextEmail(t: TestContext): Promise<string> {
	const job = await claimNextJob(t.ctx);
	await completeJob(t.ctx, job!.id);
	return JSON.stringify(job!.payload);
}

describe.each(testDialects())('encryption at rest, widened, on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => t.dispose());

	it('keeps action wording, addresses, report-backs and comments out of the database, and every page shows them', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const me = cast.actors.client;
		const today = t.clock.now().toISOString().slice(0, 10);
		const { id: actionId } = await createAction(t.ctx, {
			actor: me,
			action: {
				what: WHAT,
				withName: 'Quillon',
				withEmail: EMAIL,
				domain: 'FAM',
				kind: 'together',
				discipline: 'commitment',
				schedule: { type: 'date', dueOn: today },
				suggestionId: null,
				key: null
			}
		});
		expect(await sendDueReminders(t.ctx)).toBe(1);
		expect(await sendNextEmail(t)).toContain(WHAT); // the reminder names the action
		await reportBack(t.ctx, {
			actor: me,
			actionId,
			report: {
				occurrence: today,
				outcome: 'done',
				happened: HAPPENED,
				mutuality: 4,
				compared: 'better',
				measure: null,
				measureLabel: null,
				note: NOTE
			}
		});
		await askCounterpart(t.ctx, { actor: me, actionId, baseUrl: base });
		const token = (await sendNextEmail(t)).match(/\/confirm\/([A-Za-z0-9_-]{43})/)![1]!;
		expect((await viewCounterpartRequest(t.ctx, token)).what).toBe(WHAT);
		await answerCounterpart(t.ctx, {
			token,
			values: { happened: 'yes', mutuality: '5', comment: COMMENT }
		});
		const report = await t.ctx.db
			.selectFrom('action_reports')
			.select('id')
			.executeTakeFirstOrThrow();
		await postReply(t.ctx, {
			actor: cast.actors.coach,
			subjectType: 'report',
			subjectId: report.id,
			body: 'Lovely.',
			baseUrl: base
		});

		// Nothing readable at rest: not in any row, nor (SQLite) any byte of the file or its WAL.
		const everything = JSON.stringify(await databaseState(t.handle));
		for (const secret of [WHAT, EMAIL, HAPPENED, NOTE, COMMENT]) {
			expect(everything).not.toContain(secret);
			if (dialect === 'sqlite') expectNotInSqliteFiles(t.handle, secret);
		}

		// The client's own pages (the home card first: opening the action page reads the reply).
		expect(await listRepliesToRead(t.ctx, { actor: me })).toMatchObject([
			{ on: 'action', what: WHAT }
		]);
		const page = await getActionPage(t.ctx, { actor: me, actionId, occurrence: null });
		expect([page.action.what, page.action.withEmail]).toEqual([WHAT, EMAIL]);
		expect([page.reports[0]!.happened, page.reports[0]!.note]).toEqual([HAPPENED, NOTE]);
		expect([page.confirmations[0]!.sentTo, page.confirmations[0]!.comment]).toEqual([
			EMAIL,
			COMMENT
		]);
		expect((await listActions(t.ctx, { actor: me })).open.map((a) => a.what)).toEqual([WHAT]);
		const feed = await createCalendarFeed(t.ctx, { actor: me, baseUrl: base });
		const ics = await readCalendarFeed(t.ctx, {
			token: feed.url.split('/').at(-1)!.replace('.ics', ''),
			baseUrl: base
		});
		expect(ics.replace(/\r\n[ \t]/g, '')).toContain('Ask Quillon to mend the gazebo roof with me');

		// The coach's page of the client.
		const coachView = await getClientPage(t.ctx, {
			actor: cast.actors.coach,
			practiceId: cast.practiceId,
			clientId: cast.client.userId
		});
		const seen = coachView.actions!.open[0]!;
		expect(seen.what).toBe(WHAT);
		expect([seen.reports[0]!.happened, seen.reports[0]!.note]).toEqual([HAPPENED, NOTE]);
		expect(seen.answers[0]!.comment).toBe(COMMENT);
	});
});
