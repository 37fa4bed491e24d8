import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { demoClients } from '../../content/demo/demo-practice.ts';
import { createSession, resolveSession } from '../auth/sessions.ts';
import type { Actor } from '../../domain/policies.ts';
import { getFeedbackRound, listFeedbackRounds } from '../feedback/view-rounds.ts';
import { listSharedRounds } from '../feedback/share-round.ts';
import { getRaterStatistics } from '../instrument-stats/rater-statistics.ts';
import { findUserByEmail } from '../users/repository.ts';
import { seedDemo } from './seed-demo.ts';
import { sendDueRaterReminders } from '../feedback/remind-raters.ts';

describe.each(testDialects())('the demo practice asks for feedback on %s', (dialect) => {
	let t: TestContext;
	const actorFor = async (email: string): Promise<Actor> => {
		const user = (await findUserByEmail(t.ctx.db, email))!;
		const { token } = await createSession(t.ctx, user.id);
		return (await resolveSession(t.ctx, token))!.actor;
	};

	beforeAll(async () => {
		t = await createTestContext(dialect);
		t.clock.current = new Date();
		expect((await seedDemo(t.ctx)).created).toBe(true);
	}, 120_000);
	afterAll(async () => {
		await t?.dispose();
	});

	it('gives the first client a released round with an empty family group, and an open one', async () => {
		const first = demoClients[0]!;
		const me = await actorFor(first.email);
		const rounds = await listFeedbackRounds(t.ctx, { actor: me });
		expect(rounds.map((r) => [r.closed, r.closing])).toEqual([
			[false, false],
			[true, false]
		]);
		const [open, closed] = rounds as [(typeof rounds)[0], (typeof rounds)[0]];
		expect(open.domains.map((d) => [d.code, d.asked, d.view])).toEqual([
			['FAM', 3, { status: 'open', thresholdMet: false }],
			['FRI', 3, { status: 'open', thresholdMet: true }],
			['TEAM', 3, { status: 'open', thresholdMet: false }]
		]);
		expect(closed.domains.map((d) => d.view.status)).toEqual([
			'not-enough',
			'released',
			'released'
		]);
		expect(closed.domains[1]!.view).toMatchObject({ n: 4 });
		expect(closed.domains[2]!.view).toMatchObject({ n: 3 });
		expect(closed.domains[1]!.comparison).not.toBeNull();
		expect(closed.comments).toHaveLength(7);
		expect(closed.shared).toBe(true);

		const rosa = await actorFor('rosa@demo.midpoint.local');
		expect(await listSharedRounds(t.ctx, { actor: rosa, clientId: me.userId })).toEqual([
			{ id: closed.id, openedOn: closed.openedOn }
		]);
		// Rosa sees the same figures; the words about them are written to her, about her client.
		const forRosa = await getFeedbackRound(t.ctx, { actor: rosa, roundId: closed.id });
		const figures = (round: typeof closed) => ({
			...round,
			viewer: null,
			domains: round.domains.map((d) => ({
				...d,
				comparison: d.comparison && { ...d.comparison, words: null }
			}))
		});
		expect(forRosa.viewer).toBe('coach');
		expect(figures(forRosa)).toEqual(figures(closed));
		expect(forRosa.domains[1]!.comparison!.words.summary).toContain('your client');
		expect(closed.domains[1]!.comparison!.words.summary).toContain('see you');
	});

	it('never emails the made-up raters, even when the open round nears its close', async () => {
		const emailsQueued = async () =>
			(await t.ctx.db.selectFrom('jobs').select('id').where('kind', '=', 'email').execute()).length;
		const before = await emailsQueued();
		// Two days before the open rounds close (opened 4 days ago, 14 days long): reminder time.
		t.clock.current = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000);
		expect(await sendDueRaterReminders(t.ctx)).toBe(0);
		t.clock.current = new Date();
		expect(await emailsQueued()).toBe(before);
	});

	it('gives every other client a released round, and the instrument page rater figures', async () => {
		for (const client of demoClients.slice(1)) {
			const rounds = await listFeedbackRounds(t.ctx, { actor: await actorFor(client.email) });
			expect(rounds.filter((r) => r.closed)).toHaveLength(1);
			expect(rounds[rounds.length - 1]!.shared).toBe(false);
		}
		const rosa = await actorFor('rosa@demo.midpoint.local');
		const practiceId = Object.keys(rosa.practices)[0]!;
		const stats = await getRaterStatistics(t.ctx, { actor: rosa, practiceId });
		// Six clients: friends 24 forms, team 18; family never had enough in any one round.
		expect(stats.domains.map((d) => [d.code, d.status])).toEqual([
			['FAM', 'too-few'],
			['FRI', 'shown'],
			['TEAM', 'shown']
		]);
	});
});
