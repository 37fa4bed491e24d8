import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, FACTORY_PASSWORD } from '../../../../tests/factories/accounts.ts';
import { logIn } from '../auth/log-in.ts';
import { resolveSession } from '../auth/sessions.ts';
import { hashToken } from '../security/tokens.ts';
import {
	deferMark,
	FLUSH_AFTER_MS,
	flushDeferredMarks,
	pendingMarks,
	type MarkKind
} from './deferred-marks.ts';

describe.each(testDialects())('marks written after the response on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('keeps a signed-in page view from writing: the session’s use is saved just after', async () => {
		const client = await buildClient(t.ctx);
		const session = await logIn(t.ctx, {
			email: client.email,
			password: FACTORY_PASSWORD,
			address: '203.0.113.7'
		});
		const lastSeen = () =>
			t.ctx.db
				.selectFrom('sessions')
				.select('last_seen_at')
				.where('token_hash', '=', hashToken(session.token))
				.executeTakeFirstOrThrow()
				.then((row) => row.last_seen_at);
		const signedInAt = await lastSeen();
		t.clock.advance(5 * 60_000);
		// The flush timer waits until the test says so, however slow the machine.
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			expect(await resolveSession(t.ctx, session.token)).not.toBeNull();
			expect(await lastSeen()).toBe(signedInAt);
			await vi.advanceTimersByTimeAsync(FLUSH_AFTER_MS);
			await flushDeferredMarks(t.ctx);
		} finally {
			vi.useRealTimers();
		}
		expect(await lastSeen()).toBe(t.ctx.now().toISOString());
	});

	it('drops a batch whose write fails, says so in the log, and writes the next one', async () => {
		const written: string[] = [];
		let failNext = true;
		const kind: MarkKind<string> = {
			name: 'test mark',
			async write(_db, marks) {
				if (failNext) {
					failNext = false;
					throw new Error('disk full');
				}
				written.push(...marks.keys());
			}
		};
		const warnings: unknown[] = [];
		const ctx = { ...t.ctx, log: { ...t.ctx.log, warn: (o: unknown) => warnings.push(o) } };
		deferMark(ctx as typeof t.ctx, kind, 'first', 'a');
		expect(pendingMarks(t.ctx, kind)('first')).toBe('a');
		await flushDeferredMarks(ctx as typeof t.ctx);
		expect(pendingMarks(t.ctx, kind)('first')).toBeUndefined();
		expect(warnings).toMatchObject([{ kind: 'test mark', count: 1 }]);
		deferMark(ctx as typeof t.ctx, kind, 'second', 'b');
		await flushDeferredMarks(ctx as typeof t.ctx);
		expect(written).toEqual(['second']);
	});
});
