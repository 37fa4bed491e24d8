import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildClient } from '../../../../tests/factories/accounts.ts';
import { answerAsRater, raterTokens, roundForm } from '../../../../tests/factories/feedback.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { startJobWorker } from '../jobs/worker.ts';
import { openFeedbackRound } from './open-round.ts';
import { findRound } from './repository.ts';
import { getFeedbackRound } from './view-rounds.ts';

/**
 * A round past its closing time is closed by the jobs worker's scan, at its closing time, and
 * never by someone reading it (issue 11: no writes on GET).
 */
describe.each(testDialects())('closing due rounds on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('leaves a due round open to readers and lets the worker close and release it', async () => {
		const person = await buildClient(t.ctx);
		const me = { userId: person.userId, practices: {} };
		const { roundId } = await openFeedbackRound(t.ctx, {
			actor: me,
			values: roundForm({ FRI: 3 }, '2026-12-11'),
			baseUrl: 'http://localhost'
		});
		const tokens = await raterTokens(t.ctx);
		for (const who of ['r-fri1', 'r-fri2', 'r-fri3'])
			await answerAsRater(t.ctx, {
				token: tokens.get(`${who}@example.com`)!,
				domain: 'FRI',
				lean: { DEP: 4, IND: 2, MUT: 3 }
			});
		t.clock.current = new Date('2026-12-20T08:00:00Z');
		for (let i = 0; i < 3; i++) await getFeedbackRound(t.ctx, { actor: me, roundId });
		expect(await findRound(t.ctx.db, roundId)).toMatchObject({ closed_at: null, released: null });

		const stop = startJobWorker(t.ctx, 20, 0);
		try {
			await expect
				.poll(async () => (await findRound(t.ctx.db, roundId))?.closed_at ?? null, {
					timeout: 10_000
				})
				.not.toBeNull();
		} finally {
			stop();
		}
		const round = (await findRound(t.ctx.db, roundId))!;
		// Closed at the end of its closing day, not when the worker came by.
		expect(new Date(round.closed_at!).toISOString()).toBe('2026-12-12T00:00:00.000Z');
		const view = await getFeedbackRound(t.ctx, { actor: me, roundId });
		expect(view).toMatchObject({ closed: true, closing: false });
		expect(view.domains[1]!.view).toMatchObject({ status: 'released', n: 3, mean: 50 });
	});
});
