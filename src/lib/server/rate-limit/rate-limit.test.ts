import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, FACTORY_PASSWORD } from '../../../../tests/factories/accounts.ts';
import { logIn, WRONG_CREDENTIALS } from '../auth/log-in.ts';
import { changePassword } from '../auth/change-password.ts';
import { requestPasswordReset } from '../auth/request-password-reset.ts';
import { resetPassword } from '../auth/reset-password.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { listDevMailbox } from '../mail/mailer.ts';
import { takeAttempt } from './rate-limit.ts';

const attacker = '198.51.100.66';
const owner = '203.0.113.20';
const base = 'http://localhost:3000';

describe.each(testDialects())('rate limits on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('lets exactly the limit through when a burst arrives at once', async () => {
		const burst = Array.from({ length: 20 }, () =>
			takeAttempt(t.ctx, [{ name: 'reset:account', key: 'burst@example.com' }])
		);
		const results = await Promise.allSettled(burst);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
		const refused = results.filter((r) => r.status === 'rejected');
		expect(refused).toHaveLength(17);
		expect(String((refused[0] as PromiseRejectedResult).reason)).toContain('Too many attempts');
	});

	it('a parallel burst of wrong passwords gets five guesses, not twenty', async () => {
		const client = await buildClient(t.ctx);
		const burst = Array.from({ length: 20 }, () =>
			logIn(t.ctx, { email: client.email, password: 'guess guess guess', address: attacker })
		);
		const results = await Promise.allSettled(burst);
		const reasons = results.map((r) => String((r as PromiseRejectedResult).reason));
		expect(reasons.filter((r) => r.includes(WRONG_CREDENTIALS))).toHaveLength(5);
		expect(reasons.filter((r) => r.includes('Too many attempts'))).toHaveLength(15);
	});

	it("a stranger's failed guesses lock out the stranger, not the owner", async () => {
		const client = await buildClient(t.ctx);
		for (let i = 0; i < 5; i++) {
			await expect(
				logIn(t.ctx, { email: client.email, password: 'wrong password!', address: attacker })
			).rejects.toThrow(WRONG_CREDENTIALS);
		}
		await expect(
			logIn(t.ctx, { email: client.email, password: FACTORY_PASSWORD, address: attacker })
		).rejects.toThrow('Too many attempts');
		await expect(
			logIn(t.ctx, { email: client.email, password: FACTORY_PASSWORD, address: owner })
		).resolves.toHaveProperty('token');
	});

	it('guesses spread over many addresses stop at a ceiling; a reset lets the owner back in', async () => {
		const client = await buildClient(t.ctx);
		for (let i = 0; i < 20; i++) {
			await expect(
				logIn(t.ctx, { email: client.email, password: 'wrong password!', address: `10.0.0.${i}` })
			).rejects.toThrow(WRONG_CREDENTIALS);
		}
		await expect(
			logIn(t.ctx, { email: client.email, password: FACTORY_PASSWORD, address: owner })
		).rejects.toThrow('Too many attempts');
		await requestPasswordReset(t.ctx, { email: client.email, address: owner, baseUrl: base });
		await runDueJobs(t.ctx);
		const mail = (await listDevMailbox(t.ctx)).find((m) => m.to_address === client.email)!;
		const token = mail.text_body.match(/\/reset-password\/([A-Za-z0-9_-]+)/)![1]!;
		await resetPassword(t.ctx, { token, password: 'a new and longer sentence' });
		await expect(
			logIn(t.ctx, { email: client.email, password: 'a new and longer sentence', address: owner })
		).resolves.toHaveProperty('token');
	});

	it('changing the password allows five wrong current passwords, then waits', async () => {
		const client = await buildClient(t.ctx);
		const attempt = (current: string) =>
			changePassword(t.ctx, { userId: client.userId, current, password: 'a brand new sentence' });
		for (let i = 0; i < 5; i++)
			await expect(attempt(`not it ${i} at all`)).rejects.toThrow('not your current password');
		await expect(attempt(FACTORY_PASSWORD)).rejects.toThrow('Too many attempts. Please wait 15');
		t.clock.advance(15 * 60_000);
		await expect(attempt(FACTORY_PASSWORD)).resolves.toHaveProperty('token');
	});
});
