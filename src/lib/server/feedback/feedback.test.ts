import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, buildCoach } from '../../../../tests/factories/accounts.ts';
import { completeAssessment } from '../../../../tests/factories/assessments.ts';
import {
	answerAsRater,
	feedbackClient,
	raterTokens,
	roundForm
} from '../../../../tests/factories/feedback.ts';
import type { Actor } from '../../domain/policies.ts';
import { closeRoundEarly, extendRound } from './change-round.ts';
import { openFeedbackRound } from './open-round.ts';
import { viewRaterForm } from './rate.ts';
import { listSharedRounds, shareRound } from './share-round.ts';
import { closeDueRounds } from './settle-round.ts';
import { getFeedbackRound, listFeedbackRounds } from './view-rounds.ts';

const base = 'http://localhost:3000';
const DAY = 24 * 3600_000;
// Friends and family see the client as leaning on others (DEP 4, IND 2: position +50).
const leaning = { DEP: 4, IND: 2, MUT: 3 };

describe.each(testDialects())('feedback rounds on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	const client = () => feedbackClient(t.ctx);

	it('asks by email, counts only sent forms, and shows friends against self after the close', async () => {
		const { me, person, coach } = await client();
		// Leila sees herself as going it alone with friends (DEP 2, IND 4: position −50).
		await completeAssessment(t.ctx, {
			userId: person.userId,
			practiceId: coach.practiceId,
			lean: { DEP: 2, IND: 4, MUT: 3 },
			date: new Date('2026-11-20T10:00:00Z')
		});
		const { roundId } = await openFeedbackRound(t.ctx, {
			actor: me,
			values: roundForm({ FRI: 3, FAM: 2 }, '2026-12-11'),
			baseUrl: base
		});
		const tokens = await raterTokens(t.ctx);
		expect([...tokens.keys()].sort()).toEqual([
			'r-fam1@example.com',
			'r-fam2@example.com',
			'r-fri1@example.com',
			'r-fri2@example.com',
			'r-fri3@example.com'
		]);
		const form = await viewRaterForm(t.ctx, { token: tokens.get('r-fri1@example.com')! });
		expect(form).toMatchObject({ clientName: 'Leila', domainName: 'Friends', pageCount: 2 });
		expect(form.lines.every((line) => !/\b(I|my|me)\b/.test(line.text))).toBe(true);

		for (const [i, who] of ['r-fri1', 'r-fri2', 'r-fri3'].entries())
			await answerAsRater(t.ctx, {
				token: tokens.get(`${who}@example.com`)!,
				domain: 'FRI',
				lean: leaning,
				comment: `Comment ${i + 1}`
			});
		for (const who of ['r-fam1', 'r-fam2'])
			await answerAsRater(t.ctx, {
				token: tokens.get(`${who}@example.com`)!,
				domain: 'FAM',
				lean: leaning
			});
		// A sent form cannot be changed.
		await expect(
			viewRaterForm(t.ctx, { token: tokens.get('r-fri1@example.com')! })
		).rejects.toThrow('cannot be changed');

		const open = await getFeedbackRound(t.ctx, { actor: me, roundId });
		expect(open.closed).toBe(false);
		expect(open.domains.map((d) => [d.code, d.asked, d.view])).toEqual([
			['FAM', 2, { status: 'open', thresholdMet: false }],
			['FRI', 3, { status: 'open', thresholdMet: true }],
			['TEAM', 0, { status: 'open', thresholdMet: false }]
		]);
		expect(open.comments).toBeNull();

		// Closing early cuts off those who have not answered: not without the box ticked.
		await expect(
			closeRoundEarly(t.ctx, { actor: me, roundId, confirmed: false })
		).rejects.toMatchObject({
			fields: { confirm: expect.stringMatching(/^Tick the box to close the round/) }
		});
		expect((await getFeedbackRound(t.ctx, { actor: me, roundId })).closed).toBe(false);
		await closeRoundEarly(t.ctx, { actor: me, roundId, confirmed: true });
		const closed = await getFeedbackRound(t.ctx, { actor: me, roundId });
		const friends = closed.domains[1]!;
		expect(friends.view).toMatchObject({ status: 'released', n: 3, mean: 50, sd: 0 });
		expect(friends.comparison).toMatchObject({
			difference: -100,
			blindSpot: true,
			othersSee: 'more-dependent'
		});
		expect(friends.comparison!.words.summary).toMatch(/^Your friends see you leaning on others/);
		expect(closed.domains[0]!.view).toEqual({ status: 'not-enough' });
		expect(closed.comments?.slice().sort()).toEqual(['Comment 1', 'Comment 2', 'Comment 3']);
		const listed = await listFeedbackRounds(t.ctx, { actor: me });
		expect(listed[0]).toEqual(closed);
	});

	it('with two completed raters shows nothing of them, and a release never changes', async () => {
		const { me } = await client();
		const { roundId } = await openFeedbackRound(t.ctx, {
			actor: me,
			values: roundForm({ TEAM: 3 }, '2026-12-11'),
			baseUrl: base
		});
		const tokens = await raterTokens(t.ctx);
		for (const who of ['r-team1', 'r-team2'])
			await answerAsRater(t.ctx, {
				token: tokens.get(`${who}@example.com`)!,
				domain: 'TEAM',
				lean: leaning,
				comment: 'Private words'
			});
		t.clock.advance(15 * DAY);
		// Reading a round past its close changes nothing: the jobs scan closes it.
		const before = await getFeedbackRound(t.ctx, { actor: me, roundId });
		expect(before).toMatchObject({ closed: false, closing: true, setAside: null });
		expect(before.domains[2]!.view).toEqual({ status: 'open', thresholdMet: false });
		expect(await closeDueRounds(t.ctx)).toBe(1);
		expect(await closeDueRounds(t.ctx)).toBe(0);
		const first = await getFeedbackRound(t.ctx, { actor: me, roundId });
		expect(first.closed).toBe(true);
		expect(first.domains[2]!.view).toEqual({ status: 'not-enough' });
		expect(JSON.stringify(first)).not.toMatch(/Private words|"mean"|"n"/);
		// The third rater comes too late: refused, and the release stays as it was.
		await expect(
			answerAsRater(t.ctx, {
				token: tokens.get('r-team3@example.com')!,
				domain: 'TEAM',
				lean: leaning
			})
		).rejects.toThrow('This round of feedback has closed');
		expect(await getFeedbackRound(t.ctx, { actor: me, roundId })).toEqual(first);
		await expect(
			extendRound(t.ctx, { actor: me, roundId, closesOn: '2026-12-30' })
		).rejects.toThrow('A closed round stays closed');
		await expect(closeRoundEarly(t.ctx, { actor: me, roundId, confirmed: true })).rejects.toThrow(
			'A closed round stays closed'
		);
	});

	it('refuses bad rounds whole, with a message, and keeps to the limits', async () => {
		const { me, person } = await client();
		const own = roundForm({ FRI: 2 }, '2026-12-11');
		own['FRI-1-email'] = person.email;
		await expect(
			openFeedbackRound(t.ctx, { actor: me, values: own, baseUrl: base })
		).rejects.toMatchObject({
			fields: { 'FRI-1-email': expect.stringMatching(/your own address/) }
		});
		await expect(
			openFeedbackRound(t.ctx, { actor: me, values: { closesOn: '2026-12-11' }, baseUrl: base })
		).rejects.toThrow('Add at least one person to ask');
		expect(await listFeedbackRounds(t.ctx, { actor: me })).toEqual([]);
		expect((await raterTokens(t.ctx)).size).toBe(0);

		const { roundId } = await openFeedbackRound(t.ctx, {
			actor: me,
			values: roundForm({ FRI: 3 }, '2026-12-11', 'a'),
			baseUrl: base
		});
		await expect(
			openFeedbackRound(t.ctx, {
				actor: me,
				values: roundForm({ FRI: 3 }, '2026-12-11', 'b'),
				baseUrl: base
			})
		).rejects.toThrow('You already have a round open');
		await expect(
			extendRound(t.ctx, { actor: me, roundId, closesOn: '2026-12-05' })
		).rejects.toMatchObject({
			// Said once, beside the date, and in words.
			message: 'Please check the date.',
			fields: { closesOn: 'Pick a day after the current closing day, 11 December 2026.' }
		});
		await extendRound(t.ctx, { actor: me, roundId, closesOn: '2026-12-20' });
		expect((await getFeedbackRound(t.ctx, { actor: me, roundId })).closesOn).toBe('2026-12-20');
		await closeRoundEarly(t.ctx, { actor: me, roundId, confirmed: true });

		// 21 more requests in the same day would pass 24 a day.
		await expect(
			openFeedbackRound(t.ctx, {
				actor: me,
				values: roundForm({ FRI: 8, FAM: 8, TEAM: 6 }, '2026-12-11', 'c'),
				baseUrl: base
			})
		).rejects.toThrow('You can send 24 requests a day, and have sent 3 today.');
		t.clock.advance(DAY + 1000);
		await openFeedbackRound(t.ctx, {
			actor: me,
			values: roundForm({ FRI: 3 }, '2026-12-11', 'd'),
			baseUrl: base
		});
		const [newest] = await listFeedbackRounds(t.ctx, { actor: me });
		await closeRoundEarly(t.ctx, { actor: me, roundId: newest!.id, confirmed: true });
		await expect(
			openFeedbackRound(t.ctx, {
				actor: me,
				values: roundForm({ FRI: 3 }, '2026-12-20', 'e'),
				baseUrl: base
			})
		).rejects.toThrow('You can start 2 rounds in 30 days');
	});

	it('lets nobody else read or change a round', async () => {
		const { me, coach } = await client();
		const { roundId } = await openFeedbackRound(t.ctx, {
			actor: me,
			values: roundForm({ FRI: 3 }, '2026-12-11'),
			baseUrl: base
		});
		const stranger = await buildClient(t.ctx);
		const others: Actor[] = [
			{ userId: stranger.userId, practices: {} },
			{ userId: coach.userId, practices: { [coach.practiceId]: ['admin', 'coach'] } }
		];
		for (const actor of others) {
			await expect(getFeedbackRound(t.ctx, { actor, roundId })).rejects.toThrow('not yours to see');
			await expect(closeRoundEarly(t.ctx, { actor, roundId, confirmed: true })).rejects.toThrow(
				'not yours to see'
			);
			await expect(extendRound(t.ctx, { actor, roundId, closesOn: '2026-12-20' })).rejects.toThrow(
				'not yours to see'
			);
			expect(await listFeedbackRounds(t.ctx, { actor })).toEqual([]);
		}
	});

	it("shows a closed round to the client's coach only while the client shares it", async () => {
		const { me, coach, person } = await client();
		const { roundId } = await openFeedbackRound(t.ctx, {
			actor: me,
			values: roundForm({ FRI: 3 }, '2026-12-11'),
			baseUrl: base
		});
		const tokens = await raterTokens(t.ctx);
		for (const who of ['r-fri1', 'r-fri2', 'r-fri3'])
			await answerAsRater(t.ctx, {
				token: tokens.get(`${who}@example.com`)!,
				domain: 'FRI',
				lean: leaning
			});
		const ownCoach: Actor = {
			userId: coach.userId,
			practices: { [coach.practiceId]: ['admin', 'coach'] }
		};
		const elsewhere = await buildCoach(t.ctx);
		const otherCoach: Actor = {
			userId: elsewhere.userId,
			practices: { [elsewhere.practiceId]: ['admin', 'coach'] }
		};
		await expect(shareRound(t.ctx, { actor: me, roundId, share: true })).rejects.toThrow(
			'A round can be shared once it has closed.'
		);
		await closeRoundEarly(t.ctx, { actor: me, roundId, confirmed: true });
		await expect(getFeedbackRound(t.ctx, { actor: ownCoach, roundId })).rejects.toThrow(
			'not yours to see'
		);
		expect(await listSharedRounds(t.ctx, { actor: ownCoach, clientId: person.userId })).toEqual([]);
		await expect(shareRound(t.ctx, { actor: ownCoach, roundId, share: true })).rejects.toThrow(
			'not yours to see'
		);

		await shareRound(t.ctx, { actor: me, roundId, share: true });
		const mine = await getFeedbackRound(t.ctx, { actor: me, roundId });
		const coachView = await getFeedbackRound(t.ctx, { actor: ownCoach, roundId });
		expect(coachView).toEqual({ ...mine, viewer: 'coach' });
		expect(coachView.domains[1]!.view).toMatchObject({ status: 'released', n: 3 });
		expect(await listSharedRounds(t.ctx, { actor: ownCoach, clientId: person.userId })).toEqual([
			{ id: roundId, openedOn: '2026-11-27' }
		]);
		await expect(getFeedbackRound(t.ctx, { actor: otherCoach, roundId })).rejects.toThrow(
			'not yours to see'
		);
		expect(await listSharedRounds(t.ctx, { actor: otherCoach, clientId: person.userId })).toEqual(
			[]
		);

		await shareRound(t.ctx, { actor: me, roundId, share: false });
		await expect(getFeedbackRound(t.ctx, { actor: ownCoach, roundId })).rejects.toThrow(
			'not yours to see'
		);
	});

	it('refuses to share a round while the person has no coach to share with', async () => {
		// Shared on one's own, the result would go unasked to whichever coach one joins later.
		const solo = await buildClient(t.ctx, { name: 'Grace Alone' });
		const me: Actor = { userId: solo.userId, practices: {} };
		const { roundId } = await openFeedbackRound(t.ctx, {
			actor: me,
			values: roundForm({ FRI: 3 }, '2026-12-11'),
			baseUrl: base
		});
		await closeRoundEarly(t.ctx, { actor: me, roundId, confirmed: true });
		await expect(shareRound(t.ctx, { actor: me, roundId, share: true })).rejects.toThrow(
			'You have no coach to share with.'
		);
		expect((await getFeedbackRound(t.ctx, { actor: me, roundId })).shared).toBe(false);
	});
});
