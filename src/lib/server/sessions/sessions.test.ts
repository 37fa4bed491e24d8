import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, FACTORY_PASSWORD } from '../../../../tests/factories/accounts.ts';
import { REAUTH_WINDOW_MS } from '../../domain/reauth.ts';
import { logIn } from '../auth/log-in.ts';
import { checkOwnPassword, ReauthenticationNeeded } from '../auth/reauthenticate.ts';
import { resolveSession, type SignedIn } from '../auth/sessions.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { listDevMailbox } from '../mail/mailer.ts';
import { endAllOtherSessions, endOtherSession } from './end-sessions.ts';
import { listMySessions } from './list-sessions.ts';
import { noteSignInDevice } from './note-device.ts';

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const PHONE =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

describe.each(testDialects())('sessions, re-authentication and new devices, on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	async function signIn(email: string, userAgent: string): Promise<[string, SignedIn]> {
		const { token } = await logIn(t.ctx, {
			email,
			password: FACTORY_PASSWORD,
			address: '203.0.113.9',
			userAgent
		});
		return [token, (await resolveSession(t.ctx, token))!];
	}

	it('lists each device in words, this one first and marked, with when it was last used', async () => {
		const sam = await buildClient(t.ctx);
		await signIn(sam.email, PHONE);
		t.clock.advance(5 * 60_000);
		const [, here] = await signIn(sam.email, FIREFOX);
		const list = await listMySessions(t.ctx, here);
		expect(list.map((s) => [s.device, s.current, s.lastUsed])).toEqual([
			['Firefox on Windows', true, 'Active now'],
			['Safari on iPhone', false, 'About 5 minutes ago']
		]);
		expect(list[1]!.signedInAt).toBe('Friday 27 November 2026 at 09:00 UTC');
	});

	it('ends another session only within 10 minutes of the password, and never the current one', async () => {
		const sam = await buildClient(t.ctx);
		const [phoneToken] = await signIn(sam.email, PHONE);
		const [, here] = await signIn(sam.email, FIREFOX);
		const [phone, current] = [...(await listMySessions(t.ctx, here))].reverse();
		t.clock.advance(REAUTH_WINDOW_MS + 1000);
		await expect(
			endOtherSession(t.ctx, { signedIn: here, sessionId: phone!.id })
		).rejects.toBeInstanceOf(ReauthenticationNeeded);
		expect(await resolveSession(t.ctx, phoneToken)).not.toBeNull();

		await expect(checkOwnPassword(t.ctx, here, 'not my password at all')).rejects.toThrow(
			'That is not your current password.'
		);
		await checkOwnPassword(t.ctx, here, FACTORY_PASSWORD);
		await expect(
			endOtherSession(t.ctx, { signedIn: here, sessionId: current!.id })
		).rejects.toThrow('That is the device you are using now');
		const ended = await endOtherSession(t.ctx, { signedIn: here, sessionId: phone!.id });
		expect(ended.device).toBe(PHONE);
		expect(await resolveSession(t.ctx, phoneToken)).toBeNull();
		await expect(endOtherSession(t.ctx, { signedIn: here, sessionId: phone!.id })).rejects.toThrow(
			'That device is signed out already.'
		);
	});

	it("refuses to end someone else's session and leaves it signed in", async () => {
		const sam = await buildClient(t.ctx);
		const alex = await buildClient(t.ctx);
		const [alexToken, alexHere] = await signIn(alex.email, PHONE);
		const [, samHere] = await signIn(sam.email, FIREFOX);
		const alexSession = (await listMySessions(t.ctx, alexHere))[0]!;
		await expect(
			endOtherSession(t.ctx, { signedIn: samHere, sessionId: alexSession.id })
		).rejects.toThrow('That device is signed out already.');
		expect(await resolveSession(t.ctx, alexToken)).not.toBeNull();
	});

	it('signs out everywhere else, keeping this device', async () => {
		const sam = await buildClient(t.ctx);
		const [one] = await signIn(sam.email, PHONE);
		const [two] = await signIn(sam.email, PHONE);
		const [hereToken, here] = await signIn(sam.email, FIREFOX);
		expect(await endAllOtherSessions(t.ctx, { signedIn: here })).toEqual({ ended: 2 });
		expect(await resolveSession(t.ctx, one)).toBeNull();
		expect(await resolveSession(t.ctx, two)).toBeNull();
		expect(await resolveSession(t.ctx, hereToken)).not.toBeNull();
	});

	it('emails the owner once for each browser the account has not seen, with the time and device', async () => {
		const sam = await buildClient(t.ctx);
		const alex = await buildClient(t.ctx);
		const note = (userId: string, deviceToken: string | undefined, notify = true) =>
			noteSignInDevice(t.ctx, {
				userId,
				deviceToken,
				userAgent: PHONE,
				notify,
				baseUrl: 'http://localhost:3000'
			});
		const browser = await note(sam.userId, undefined);
		expect(await note(sam.userId, browser)).toBe(browser);
		await note(alex.userId, browser, false);
		await note(alex.userId, browser);
		await runDueJobs(t.ctx);
		const mail = (await listDevMailbox(t.ctx)).filter((m) => m.subject.includes('new sign-in'));
		expect(mail.map((m) => m.to_address)).toEqual([sam.email]);
		expect(mail[0]!.subject).toBe('A new sign-in to your Midpoint account');
		expect(mail[0]!.text_body).toContain(
			'Safari on iPhone, on Friday 27 November 2026 at 09:00 UTC'
		);
		expect(mail[0]!.text_body).toContain('If it was not you');
		expect(mail[0]!.text_body).toContain('http://localhost:3000/login');
	});
});
