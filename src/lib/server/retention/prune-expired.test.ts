import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildClient } from '../../../../tests/factories/accounts.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { consumeEmailToken, issueEmailToken, peekEmailToken } from '../auth/email-tokens.ts';
import { createSession, resolveSession } from '../auth/sessions.ts';
import { claimNextJob, completeJob, enqueueJob } from '../jobs/queue.ts';
import { recordAttempt } from '../rate-limit/rate-limit.ts';
import { getJournalEntry } from '../journal/get-journal-entry.ts';
import { saveJournalEntry } from '../journal/save-journal-entry.ts';
import { pruneIfDue } from './prune-expired.ts';

const DAY = 24 * 60 * 60 * 1000;

describe.each(testDialects())('the daily retention job on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => t.dispose());

	const rows = async () => ({
		sessions: (await t.ctx.db.selectFrom('sessions').select('token_hash').execute()).length,
		attempts: (await t.ctx.db.selectFrom('auth_attempts').select('id').execute()).length,
		tokens: (await t.ctx.db.selectFrom('email_tokens').select('token_hash').execute()).length,
		jobs: (await t.ctx.db.selectFrom('jobs').select('id').execute()).length
	});

	/** One of each kind at the clock's now: a session, a failed sign-in, a used link, a sent email. */
	async function traces(userId: string, email: string) {
		const session = await createSession(t.ctx, userId);
		await recordAttempt(t.ctx, 'login:account', email);
		const link = await issueEmailToken(t.ctx, userId, 'reset-password');
		await consumeEmailToken(t.ctx, link);
		await enqueueJob(t.ctx, 'email', { to: email, subject: 'Hello' });
		const job = await claimNextJob(t.ctx);
		await completeJob(t.ctx, job!.id);
		return { session: session.token, link };
	}

	it('prunes what has outlived its period, keeps the rest, and runs once a day', async () => {
		const ann = await buildClient(t.ctx);
		const old = await traces(ann.userId, ann.email);
		await t.ctx.db
			.insertInto('jobs')
			.values({
				kind: 'email',
				payload: '{}',
				run_at: t.clock.now().toISOString(),
				attempts: 5,
				created_at: t.clock.now().toISOString(),
				failed_at: t.clock.now().toISOString(),
				last_error: 'refused'
			})
			.execute();
		t.clock.advance(8 * DAY);
		const fresh = await traces(ann.userId, ann.email);
		const waiting = await issueEmailToken(t.ctx, ann.userId, 'confirm-email');
		expect(await rows()).toEqual({ sessions: 2, attempts: 2, tokens: 3, jobs: 3 });

		expect(await pruneIfDue(t.ctx)).toEqual({
			sessions: 1,
			pendingSignIns: 0,
			rateLimitCounts: 1,
			jobs: 1,
			tokens: 1,
			orphanKeys: 0
		});
		// The failed job stays (30 days); everything of today stays and still works.
		expect(await rows()).toEqual({ sessions: 1, attempts: 1, tokens: 2, jobs: 2 });
		expect((await resolveSession(t.ctx, fresh.session))?.user.id).toBe(ann.userId);
		expect(await resolveSession(t.ctx, old.session)).toBeNull();
		await expect(peekEmailToken(t.ctx, fresh.link, 'reset-password')).rejects.toThrow(
			'already been used'
		);
		expect((await peekEmailToken(t.ctx, waiting, 'confirm-email')).id).toBe(ann.userId);

		// Once a day: a second look the same day (another process) does nothing; the next day runs.
		expect(await pruneIfDue(t.ctx)).toBeUndefined();
		t.clock.advance(23 * DAY);
		expect(await pruneIfDue(t.ctx)).toMatchObject({
			sessions: 1,
			rateLimitCounts: 1,
			jobs: 2,
			tokens: 2
		});
		expect(await rows()).toEqual({ sessions: 0, attempts: 0, tokens: 0, jobs: 0 });
	});
	it('deletes a data key a week after its person left the database, not before (decision 0041)', async () => {
		const write = async (userId: string, body: string) =>
			saveJournalEntry(t.ctx, {
				actor: { userId, practices: {} },
				step: 'examine',
				promptId: 'examine-independent-when',
				body,
				domains: [],
				disciplines: []
			});
		const ann = await buildClient(t.ctx);
		const bo = await buildClient(t.ctx);
		const annEntry = await write(ann.userId, 'Ann stays.');
		await write(bo.userId, 'Bo is in a newer database only.');
		const keys = async () =>
			(
				await t.ctx.db
					.selectFrom('midpoint_keys.person_keys')
					.select(['user_id', 'orphaned_at'])
					.orderBy('user_id')
					.execute()
			).map((k) => [k.user_id, k.orphaned_at !== null]);
		const boRow = await t.ctx.db
			.selectFrom('users')
			.selectAll()
			.where('id', '=', bo.userId)
			.executeTakeFirstOrThrow();
		// An older backup restored: Bo's rows are not in it, his key stays in the store.
		await t.ctx.db.deleteFrom('users').where('id', '=', bo.userId).execute();
		expect((await pruneIfDue(t.ctx))?.orphanKeys).toBe(0);
		expect(await keys()).toEqual(
			[
				[ann.userId, false],
				[bo.userId, true]
			].sort()
		);
		// The newer database put back within the week: Bo's key is his again.
		await t.ctx.db.insertInto('users').values(boRow).execute();
		t.clock.advance(DAY);
		expect((await pruneIfDue(t.ctx))?.orphanKeys).toBe(0);
		expect((await keys()).filter(([, orphan]) => orphan)).toEqual([]);
		// Gone for good this time: marked, kept six more days, then deleted on the eighth.
		await t.ctx.db.deleteFrom('users').where('id', '=', bo.userId).execute();
		t.clock.advance(DAY);
		expect((await pruneIfDue(t.ctx))?.orphanKeys).toBe(0);
		t.clock.advance(6 * DAY);
		expect((await pruneIfDue(t.ctx))?.orphanKeys).toBe(0);
		t.clock.advance(DAY + 1000);
		expect((await pruneIfDue(t.ctx))?.orphanKeys).toBe(1);
		expect(await keys()).toEqual([[ann.userId, false]]);
		const annActor = { userId: ann.userId, practices: {} };
		expect((await getJournalEntry(t.ctx, { actor: annActor, id: annEntry.id })).body).toBe(
			'Ann stays.'
		);
	});
});
