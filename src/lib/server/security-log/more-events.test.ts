import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, FACTORY_PASSWORD } from '../../../../tests/factories/accounts.ts';
import { actorOf } from '../../../../tests/factories/workspace.ts';
import { cancelDeletion } from '../account-deletion/cancel-deletion.ts';
import { requestDeletion } from '../account-deletion/request-deletion.ts';
import { logIn } from '../auth/log-in.ts';
import { listSecurityLog } from './security-log.ts';

describe.each(testDialects())('lockouts and deletion in the security log, on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('logs a sign-in lockout once per lockout, however many tries are refused', async () => {
		const sam = await buildClient(t.ctx);
		const guess = () =>
			logIn(t.ctx, { email: sam.email, password: 'a guess', address: '192.0.2.9' }).catch(
				(err: Error) => err.message
			);
		for (let i = 0; i < 5; i++) await guess();
		const refusals = [await guess(), await guess(), await guess()];
		expect(refusals[0]).toMatch(/^Too many attempts/);
		const actor = await actorOf(t.ctx, sam.userId);
		const kinds = async () =>
			(await listSecurityLog(t.ctx, { actor, userId: sam.userId })).map((e) => e.what);
		expect((await kinds()).filter((w) => w.startsWith('Sign-in locked'))).toHaveLength(1);
		// A later lockout, once the first has passed, is a new line.
		t.clock.advance(16 * 60_000);
		for (let i = 0; i < 6; i++) await guess();
		expect((await kinds()).filter((w) => w.startsWith('Sign-in locked'))).toHaveLength(2);
		// An unknown address is locked out too, and no event is written for anyone.
		const count = async () =>
			(await t.ctx.db.selectFrom('security_events').select('id').execute()).length;
		const before = await count();
		const stranger = () =>
			logIn(t.ctx, { email: 'nobody@example.com', password: 'x', address: '192.0.2.10' }).catch(
				(err: Error) => err.message
			);
		for (let i = 0; i < 5; i++) await stranger();
		expect(await stranger()).toMatch(/^Too many attempts/);
		expect(await count()).toBe(before);
	});

	it('logs an account deletion asked for and then cancelled', async () => {
		const sam = await buildClient(t.ctx);
		const actor = await actorOf(t.ctx, sam.userId);
		await requestDeletion(t.ctx, { actor, password: FACTORY_PASSWORD });
		t.clock.advance(60_000);
		expect(await cancelDeletion(t.ctx, { actor })).toBe(true);
		const log = await listSecurityLog(t.ctx, { actor, userId: sam.userId });
		expect(log.map((e) => e.what)).toEqual([
			'Account deletion cancelled',
			'Account deletion asked for'
		]);
	});
});
