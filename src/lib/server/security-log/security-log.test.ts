import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { FACTORY_PASSWORD } from '../../../../tests/factories/accounts.ts';
import { buildCoachingCast } from '../../../../tests/factories/workspace.ts';
import { totpCodeAt } from '../../domain/two-factor.ts';
import { changePassword } from '../auth/change-password.ts';
import { logIn } from '../auth/log-in.ts';
import { resolveSession } from '../auth/sessions.ts';
import { requestEmailChange } from '../email-change/request-email-change.ts';
import { endAllOtherSessions } from '../sessions/end-sessions.ts';
import { noteSignInDevice } from '../sessions/note-device.ts';
import {
	confirmTotpEnrolment,
	getTwoFactorPage,
	startTotpEnrolment,
	turnOffTwoFactor
} from '../two-factor/manage-two-factor.ts';
import { completeSignIn } from '../two-factor/pending-sign-in.ts';
import { listSecurityLog } from './security-log.ts';

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const address = '203.0.113.7';
const NEW_PASSWORD = 'a brand new lighthouse keeper';

describe.each(testDialects())('the security log, on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('records each security event of a person, with the device in words and nothing secret', async () => {
		const { client, actors } = await buildCoachingCast(t.ctx);
		const email = (await t.ctx.db
			.selectFrom('users')
			.select('email')
			.where('id', '=', client.userId)
			.executeTakeFirstOrThrow())!.email;
		const step = () => t.clock.advance(60_000);
		const signIn = (password: string) =>
			logIn(t.ctx, { email, password, address, userAgent: FIREFOX });

		await expect(signIn('the wrong one entirely')).rejects.toThrow('do not match');
		step();
		const { token } = await signIn(FACTORY_PASSWORD);
		const here = (await resolveSession(t.ctx, token))!;
		step();
		await noteSignInDevice(t.ctx, {
			userId: client.userId,
			deviceToken: undefined,
			userAgent: FIREFOX,
			notify: true,
			baseUrl: 'http://localhost:3000'
		});
		step();
		await startTotpEnrolment(t.ctx, { userId: client.userId });
		const page = await getTwoFactorPage(t.ctx, { userId: client.userId, email });
		const secret = page.state === 'enrolling' ? page.secretText.replace(/ /g, '') : '';
		await confirmTotpEnrolment(t.ctx, {
			userId: client.userId,
			code: totpCodeAt(secret, t.clock.now()),
			address,
			userAgent: FIREFOX
		});
		step();
		const pending = await signIn(FACTORY_PASSWORD);
		await expect(
			completeSignIn(t.ctx, { token: pending.token, code: '000000', address, userAgent: FIREFOX })
		).rejects.toThrow();
		step();
		await turnOffTwoFactor(t.ctx, {
			userId: client.userId,
			code: totpCodeAt(secret, t.clock.now()),
			password: FACTORY_PASSWORD,
			address,
			userAgent: FIREFOX
		});
		step();
		await requestEmailChange(t.ctx, {
			signedIn: here,
			newEmail: 'iris.elsewhere@example.com',
			password: FACTORY_PASSWORD,
			baseUrl: 'http://localhost:3000',
			userAgent: FIREFOX
		});
		step();
		await endAllOtherSessions(t.ctx, { signedIn: (await resolveSession(t.ctx, token))! });
		step();
		await changePassword(t.ctx, {
			userId: client.userId,
			current: FACTORY_PASSWORD,
			password: NEW_PASSWORD,
			userAgent: FIREFOX
		});

		const log = await listSecurityLog(t.ctx, { actor: actors.client, userId: client.userId });
		expect(log.map((e) => e.what)).toEqual([
			'Password changed',
			'Every other device was signed out',
			'Change of email address asked for',
			'Two-step sign-in turned off',
			'A wrong two-step code was typed for your account',
			'Two-step sign-in turned on',
			'Signed in from a device for the first time',
			'Signed in',
			'A wrong password was typed for your account'
		]);
		expect(log[0]!.device).toBe('Firefox on Windows');
		expect(log.at(-1)!.when).toBe('Friday 27 November 2026 at 09:00 UTC');

		const stored = JSON.stringify(
			await t.ctx.db.selectFrom('security_events').selectAll().execute()
		);
		for (const secret of [FACTORY_PASSWORD, NEW_PASSWORD, 'the wrong one entirely', token, email])
			expect(stored).not.toContain(secret);
		expect(stored).not.toContain('iris.elsewhere');
	});

	it("refuses anyone but the owner, even the practice admin, a person's log", async () => {
		const { client, coach, actors } = await buildCoachingCast(t.ctx);
		for (const actor of [actors.admin, actors.coach, actors.peer])
			await expect(listSecurityLog(t.ctx, { actor, userId: client.userId })).rejects.toThrow(
				'Only you can read your security log.'
			);
		await expect(
			listSecurityLog(t.ctx, { actor: actors.admin, userId: coach.userId })
		).rejects.toThrow('Only you can read your security log.');
	});
});
