import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { listDevMailbox } from '../mail/mailer.ts';
import { confirmEmailAddress } from './confirm-email.ts';
import { logIn, UNCONFIRMED, WRONG_CREDENTIALS } from './log-in.ts';
import { requestPasswordReset } from './request-password-reset.ts';
import { resetPassword } from './reset-password.ts';
import { signUp } from './sign-up.ts';

const base = 'http://localhost:3000';
const victim = 'dana@example.com';
const makers = 'mallory knows this one';

describe.each(testDialects())("an account made with someone else's address on %s", (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	async function link(path: string): Promise<string> {
		await runDueJobs(t.ctx);
		const mail = (await listDevMailbox(t.ctx)).find(
			(m) => m.to_address === victim && m.text_body.includes(path)
		)!;
		return mail.text_body.match(new RegExp(`${path}/([A-Za-z0-9_-]+)`))![1]!;
	}

	it("never becomes the maker's: the owner cannot confirm it blind, and a reset makes it theirs", async () => {
		await signUp(t.ctx, {
			kind: 'coach',
			name: 'Mallory',
			email: victim,
			password: makers,
			practiceName: 'Not Dana',
			address: '198.51.100.7',
			baseUrl: base
		});
		const confirm = await link('/confirm-email');
		// Dana clicks the link she was sent; she does not know Mallory's password.
		await expect(
			confirmEmailAddress(t.ctx, { token: confirm, password: 'whatever dana tries' })
		).rejects.toThrow('not the password this account was made with');
		await expect(
			logIn(t.ctx, { email: victim, password: makers, address: '198.51.100.7' })
		).rejects.toThrow(UNCONFIRMED);
		// Dana takes the address back with a reset link: the maker's password stops working.
		await requestPasswordReset(t.ctx, { email: victim, address: '203.0.113.5', baseUrl: base });
		await resetPassword(t.ctx, {
			token: await link('/reset-password'),
			password: 'a kettle of her own choosing'
		});
		await expect(
			logIn(t.ctx, { email: victim, password: makers, address: '198.51.100.7' })
		).rejects.toThrow(WRONG_CREDENTIALS);
		await expect(
			confirmEmailAddress(t.ctx, { token: confirm, password: makers })
		).rejects.toThrow();
		await expect(
			logIn(t.ctx, {
				email: victim,
				password: 'a kettle of her own choosing',
				address: '203.0.113.5'
			})
		).resolves.toHaveProperty('token');
	});
});
