import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import {
	answerAsRater,
	feedbackClient,
	raterTokens,
	roundForm
} from '../../../../tests/factories/feedback.ts';
import type { Actor } from '../../domain/policies.ts';
import { raterPages } from '../../domain/feedback/rater-form.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { listDevMailbox } from '../mail/mailer.ts';
import { closeRoundEarly } from './change-round.ts';
import { openFeedbackRound } from './open-round.ts';
import { declineRequest, saveRaterPage, viewRaterForm } from './rate.ts';
import { remindWaitingRaters, sendDueRaterReminders } from './remind-raters.ts';
import { getFeedbackRound } from './view-rounds.ts';

// A feedback round from the rater's side: their pages, saying no, and reminders with their links.
// The client's side (opening, releasing, sharing) is feedback.test.ts.
const base = 'http://localhost:3000';
const DAY = 24 * 3600_000;
const leaning = { DEP: 4, IND: 2, MUT: 3 };

describe.each(testDialects())('a rater of a feedback round on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});
	const client = () => feedbackClient(t.ctx);

	it('keeps what a rater answered on a page they leave with "Back", and sends nothing', async () => {
		const { me } = await client();
		const { roundId } = await openFeedbackRound(t.ctx, {
			actor: me,
			values: roundForm({ FRI: 3 }, '2026-12-11'),
			baseUrl: base
		});
		const token = (await raterTokens(t.ctx)).get('r-fri1@example.com')!;
		const [first, second] = [0, 1].map((page) => raterPages('FRI')[page]!);
		const all = (lines: typeof first) => Object.fromEntries(lines!.map((l) => [l.id, '4']));
		await saveRaterPage(t.ctx, { token, page: 0, values: all(first) });
		// Three lines of page 2 and a comment, then back to page 1: nothing of it is lost.
		const some = Object.fromEntries(second!.slice(0, 3).map((l) => [l.id, '2']));
		expect(
			await saveRaterPage(t.ctx, {
				token,
				page: 1,
				values: { ...some, comment: 'Kind, and slow to ask.' },
				back: true
			})
		).toEqual({ next: 0 });
		const again = await viewRaterForm(t.ctx, { token, page: 1 });
		expect(again.saved).toEqual(Object.fromEntries(second!.slice(0, 3).map((l) => [l.id, 2])));
		expect(again.savedComment).toBe('Kind, and slow to ask.');
		const round = await getFeedbackRound(t.ctx, { actor: me, roundId });
		expect(round.domains.find((d) => d.code === 'FRI')!.view).toEqual({
			status: 'open',
			thresholdMet: false
		});
	});

	it('lets a rater say no and not be asked again', async () => {
		const { me } = await client();
		const { roundId } = await openFeedbackRound(t.ctx, {
			actor: me,
			values: roundForm({ FAM: 3 }, '2026-12-11'),
			baseUrl: base
		});
		const token = (await raterTokens(t.ctx)).get('r-fam1@example.com')!;
		await expect(declineRequest(t.ctx, { token, values: { reason: 'made up' } })).rejects.toThrow(
			'Choose one of the reasons'
		);
		await declineRequest(t.ctx, { token, values: { reason: 'no-time', optOut: 'on' } });
		await expect(viewRaterForm(t.ctx, { token })).rejects.toThrow('You said no');
		await closeRoundEarly(t.ctx, { actor: me, roundId, confirmed: true });
		t.clock.advance(2 * DAY);
		await expect(
			openFeedbackRound(t.ctx, {
				actor: me,
				values: roundForm({ FAM: 1 }, '2026-12-11'),
				baseUrl: base
			})
		).rejects.toMatchObject({
			fields: { 'FAM-0-email': expect.stringMatching(/asked Midpoint not to send them requests/) }
		});
		// Written another way, it is still their mailbox.
		await expect(
			openFeedbackRound(t.ctx, {
				actor: me,
				values: {
					...roundForm({}, '2026-12-11'),
					'FAM-0-name': 'Same person',
					'FAM-0-email': 'R-FAM1+again@example.com.'
				},
				baseUrl: base
			})
		).rejects.toMatchObject({
			fields: { 'FAM-0-email': expect.stringMatching(/asked Midpoint not to send them requests/) }
		});
	});

	it('reminds those who have not answered once, 3 days before the close, and once more on request', async () => {
		const { me, coach } = await client();
		const { roundId } = await openFeedbackRound(t.ctx, {
			actor: me,
			values: roundForm({ FRI: 3 }, '2026-12-11'),
			baseUrl: base
		});
		const first = await raterTokens(t.ctx);
		await answerAsRater(t.ctx, {
			token: first.get('r-fri1@example.com')!,
			domain: 'FRI',
			lean: leaning
		});
		expect(await sendDueRaterReminders(t.ctx)).toBe(0);
		// The round closes at the end of 12-11; three days before is 12-09 00:00.
		t.clock.current = new Date('2026-12-09T00:30:00Z');
		expect(await sendDueRaterReminders(t.ctx)).toBe(2);
		expect(await sendDueRaterReminders(t.ctx)).toBe(0);
		const reminded = await raterTokens(t.ctx);
		const mails = (await listDevMailbox(t.ctx)).filter((m) => m.subject.startsWith('A reminder'));
		expect(mails.map((m) => m.to_address).sort()).toEqual([
			'r-fri2@example.com',
			'r-fri3@example.com'
		]);
		// The first email's link keeps working beside the reminder's: nobody who opens the first
		// email is told their link is broken.
		for (const link of [first, reminded])
			expect(
				(await viewRaterForm(t.ctx, { token: link.get('r-fri2@example.com')! })).raterName
			).toBe('FRI person 2');

		const outsider: Actor = {
			userId: coach.userId,
			practices: { [coach.practiceId]: ['admin', 'coach'] }
		};
		await expect(
			remindWaitingRaters(t.ctx, { actor: outsider, roundId, baseUrl: base })
		).rejects.toThrow('not yours to see');
		expect((await getFeedbackRound(t.ctx, { actor: me, roundId })).reminded).toBe(false);
		await remindWaitingRaters(t.ctx, { actor: me, roundId, baseUrl: base });
		await expect(remindWaitingRaters(t.ctx, { actor: me, roundId, baseUrl: base })).rejects.toThrow(
			'You have already sent the one reminder a round allows.'
		);
		expect((await getFeedbackRound(t.ctx, { actor: me, roundId })).reminded).toBe(true);
		await runDueJobs(t.ctx);
		const all = (await listDevMailbox(t.ctx)).filter((m) => m.subject.startsWith('A reminder'));
		expect(all).toHaveLength(4);

		// Answered through the first link after two reminders: every link of theirs now says so.
		await answerAsRater(t.ctx, {
			token: first.get('r-fri2@example.com')!,
			domain: 'FRI',
			lean: leaning
		});
		const latest = await raterTokens(t.ctx);
		for (const link of [first, reminded, latest])
			await expect(
				viewRaterForm(t.ctx, { token: link.get('r-fri2@example.com')! })
			).rejects.toMatchObject({ code: 'gone' });
		// Another rater's links open only their own form.
		expect(
			(await viewRaterForm(t.ctx, { token: first.get('r-fri3@example.com')! })).raterName
		).toBe('FRI person 3');
	});
});
