import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import type { AppContext } from '../context.ts';
import { createDb } from '../db/create-db.ts';
import { listDevMailbox } from '../mail/mailer.ts';
import { enqueueJob } from './queue.ts';
import { runDueJobs } from './worker.ts';

describe.each(testDialects())('the jobs table on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('sends each email exactly once when two app processes poll at the same time', async () => {
		for (let i = 0; i < 40; i++) {
			await enqueueJob(t.ctx, 'email', {
				to: `person${i}@example.com`,
				subject: `Reminder ${i}`,
				text: 'Due today'
			});
		}
		// A second, independent connection pool: what another app process would have.
		const other = createDb(t.ctx.config.database);
		const second: AppContext = { ...t.ctx, db: other.db };
		try {
			const [a, b] = await Promise.all([runDueJobs(t.ctx), runDueJobs(second)]);
			expect(a + b).toBe(40);
		} finally {
			await other.close();
		}
		const mail = await listDevMailbox(t.ctx, 1000);
		expect(mail).toHaveLength(40);
		expect(new Set(mail.map((m) => m.subject)).size).toBe(40);
		expect(await runDueJobs(t.ctx)).toBe(0);
	});

	it('keeps a job that is not due yet, and runs it once its time comes', async () => {
		await enqueueJob(
			t.ctx,
			'email',
			{ to: 'later@example.com', subject: 'Later', text: 'x' },
			new Date(t.clock.current.getTime() + 3600_000)
		);
		expect(await runDueJobs(t.ctx)).toBe(0);
		t.clock.advance(3600_000);
		expect(await runDueJobs(t.ctx)).toBe(1);
		expect((await listDevMailbox(t.ctx)).map((m) => m.subject)).toEqual(['Later']);
	});

	it('survives a restart: a job queued before it is sent after', async () => {
		await enqueueJob(t.ctx, 'email', {
			to: 'after@example.com',
			subject: 'After restart',
			text: 'x'
		});
		await t.handle.close();
		const reopened = createDb(t.ctx.config.database);
		t.handle = reopened;
		t.ctx = { ...t.ctx, db: reopened.db };
		expect(await runDueJobs(t.ctx)).toBe(1);
		expect((await listDevMailbox(t.ctx)).map((m) => m.subject)).toEqual(['After restart']);
	});

	it('retries a failing job with growing waits and gives up after five tries', async () => {
		await enqueueJob(t.ctx, 'no-such-kind', {});
		const waits = [1, 4, 9, 16];
		for (const minutes of waits) {
			expect(await runDueJobs(t.ctx)).toBe(1);
			t.clock.advance(minutes * 60_000 - 1000);
			expect(await runDueJobs(t.ctx)).toBe(0);
			t.clock.advance(1000);
		}
		expect(await runDueJobs(t.ctx)).toBe(1);
		t.clock.advance(24 * 3600_000);
		expect(await runDueJobs(t.ctx)).toBe(0);
		const job = await t.ctx.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
		expect(job.attempts).toBe(5);
		expect(job.failed_at).not.toBeNull();
		expect(job.last_error).toBe('No handler for job kind no-such-kind');
	});
});
