import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../tests/support/test-context.ts';
import {
	buildCoachingCast,
	reportedAction,
	sharedEntry
} from '../../../tests/factories/workspace.ts';
import { closeAction } from './actions/close-action.ts';
import { CLOSED_ACTIONS_SHOWN, listActions } from './actions/list-actions.ts';
import { JOURNAL_ENTRIES_SHOWN, listRecentJournalEntries } from './journal/list-journal-entries.ts';
import { listUnreadReplies } from './replies/list-unread-replies.ts';
import { postReply } from './replies/post-reply.ts';

// A person's own lists that grow with every week: the journal and the closed actions list the
// latest, keep anything with a reply not read yet, and give the rest behind "Show all".
describe.each(testDialects())("a long-time client's own lists on %s", (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('list the latest entries and closed actions, and an old one the coach answered', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const me = cast.actors.client;
		const entries: string[] = [];
		const actions: string[] = [];
		const reports: string[] = [];
		for (let week = 1; week <= 24; week++) {
			t.clock.advance(7 * 86_400_000);
			entries.push(await sharedEntry(t.ctx, me, `Week ${week} in my journal.`));
			const { actionId, reportId } = await reportedAction(t.ctx, me, `Week ${week} went well.`);
			await closeAction(t.ctx, { actor: me, actionId });
			actions.push(actionId);
			reports.push(reportId);
		}
		await postReply(t.ctx, {
			actor: cast.actors.coach,
			subjectType: 'entry',
			subjectId: entries[0]!,
			body: 'I still think about this one.',
			baseUrl: 'https://midpoint.example'
		});
		await postReply(t.ctx, {
			actor: cast.actors.coach,
			subjectType: 'report',
			subjectId: reports[0]!,
			body: 'Well done, back then.',
			baseUrl: 'https://midpoint.example'
		});
		const unread = await listUnreadReplies(t.ctx, { actor: me });

		const journal = await listRecentJournalEntries(t.ctx, {
			actor: me,
			all: false,
			hasNews: (id) => (unread.entries[id] ?? 0) > 0
		});
		expect(journal.entries.slice(0, JOURNAL_ENTRIES_SHOWN).map((e) => e.body)).toEqual(
			Array.from({ length: JOURNAL_ENTRIES_SHOWN }, (_, i) => `Week ${24 - i} in my journal.`)
		);
		expect(journal.entries.at(-1)!.body).toBe('Week 1 in my journal.');
		expect(journal.hidden).toBe(24 - JOURNAL_ENTRIES_SHOWN - 1);
		const allEntries = await listRecentJournalEntries(t.ctx, {
			actor: me,
			all: true,
			hasNews: () => false
		});
		expect([allEntries.entries.length, allEntries.hidden]).toEqual([24, 0]);

		const list = await listActions(t.ctx, {
			actor: me,
			recent: { hasNews: (id) => (unread.actions[id] ?? 0) > 0 }
		});
		expect(list.closed.map((a) => a.id)).toEqual([
			...actions.slice(-CLOSED_ACTIONS_SHOWN).reverse(),
			actions[0]
		]);
		expect(list.closedHidden).toBe(24 - CLOSED_ACTIONS_SHOWN - 1);
		const everything = await listActions(t.ctx, { actor: me });
		expect([everything.closed.length, everything.closedHidden]).toEqual([24, 0]);
	});
});
