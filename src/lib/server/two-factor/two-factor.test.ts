import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, buildCoach, FACTORY_PASSWORD } from '../../../../tests/factories/accounts.ts';
import { totpCodeAt } from '../../domain/two-factor.ts';
import { logIn } from '../auth/log-in.ts';
import { resolveSession } from '../auth/sessions.ts';
import { REUSED_CODE, USED_RECOVERY_CODE, WRONG_CODE, WRONG_RECOVERY_CODE } from './codes.ts';
import {
	confirmTotpEnrolment,
	getTwoFactorPage,
	regenerateRecoveryCodes,
	startTotpEnrolment,
	turnOffTwoFactor,
	WRONG_PASSWORD
} from './manage-two-factor.ts';
import { completeSignIn, PENDING_EXPIRED } from './pending-sign-in.ts';
import { mustSetUpSecondFactor, setSecondFactorRequirement } from './requirement.ts';

const address = '203.0.113.9';

describe.each(testDialects())('two-step sign-in on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	/** Turns TOTP on for a new client; returns the secret as the page shows it, and the codes. */
	async function enrolled() {
		const person = await buildClient(t.ctx);
		await startTotpEnrolment(t.ctx, { userId: person.userId });
		const page = await getTwoFactorPage(t.ctx, { userId: person.userId, email: person.email });
		if (page.state !== 'enrolling') throw new Error(`expected enrolling, got ${page.state}`);
		expect(page.qrSvg).toMatch(/^<svg[^>]*>.*<\/svg>\s*$/s);
		const secret = page.secretText.replace(/ /g, '');
		const { recoveryCodes } = await confirmTotpEnrolment(t.ctx, {
			userId: person.userId,
			code: totpCodeAt(secret, t.clock.now()),
			address
		});
		return { ...person, secret, recoveryCodes };
	}

	async function signInFirstStep(email: string) {
		const first = await logIn(t.ctx, { email, password: FACTORY_PASSWORD, address });
		expect(first.secondStep).toBe(true);
		// The token of the first step opens nothing.
		expect(await resolveSession(t.ctx, first.token)).toBeNull();
		return first.token;
	}

	it('keeps the secret encrypted, turns on with a current code, and gives ten codes', async () => {
		const person = await enrolled();
		expect(person.recoveryCodes).toHaveLength(10);
		expect(new Set(person.recoveryCodes).size).toBe(10);
		const stored = await t.ctx.db.selectFrom('totp_factors').selectAll().executeTakeFirstOrThrow();
		expect(stored.secret_encrypted).toMatch(/^v1:/);
		expect(stored.secret_encrypted).not.toContain(person.secret);
		const hashes = await t.ctx.db.selectFrom('recovery_codes').select('code_hash').execute();
		for (const code of person.recoveryCodes)
			expect(hashes.map((h) => h.code_hash).join()).not.toContain(code.replace(/-/g, ''));
		const page = await getTwoFactorPage(t.ctx, { userId: person.userId, email: person.email });
		expect(page).toMatchObject({ state: 'on', recoveryCodesLeft: 10 });
	});

	it('refuses a wrong first code and leaves two-step sign-in off', async () => {
		const person = await buildClient(t.ctx);
		await startTotpEnrolment(t.ctx, { userId: person.userId });
		await expect(
			confirmTotpEnrolment(t.ctx, { userId: person.userId, code: '000000', address })
		).rejects.toThrow(WRONG_CODE);
		// Nothing typed, or letters: asked for six digits, not told the code is wrong.
		await expect(
			confirmTotpEnrolment(t.ctx, { userId: person.userId, code: '', address })
		).rejects.toThrow('Enter the six-digit code your app shows now.');
		await expect(
			confirmTotpEnrolment(t.ctx, { userId: person.userId, code: 'abcdef', address })
		).rejects.toThrow('A code is six digits.');
		expect((await getTwoFactorPage(t.ctx, { ...person })).state).toBe('enrolling');
		const first = await logIn(t.ctx, { email: person.email, password: FACTORY_PASSWORD, address });
		expect(first.secondStep).toBeUndefined();
	});

	it('signs in with a current code once; the same step is refused, the next one works', async () => {
		const person = await enrolled();
		t.clock.advance(60_000);
		const code = totpCodeAt(person.secret, t.clock.now());
		const token = await signInFirstStep(person.email);
		const session = await completeSignIn(t.ctx, { token, code, address });
		expect((await resolveSession(t.ctx, session.token))?.user.id).toBe(person.userId);

		const again = await signInFirstStep(person.email);
		await expect(completeSignIn(t.ctx, { token: again, code, address })).rejects.toThrow(
			REUSED_CODE
		);
		// Three digits are no code: said so, rather than "not right".
		await expect(completeSignIn(t.ctx, { token: again, code: '123', address })).rejects.toThrow(
			'A code is six digits.'
		);
		t.clock.advance(30_000);
		const next = totpCodeAt(person.secret, t.clock.now());
		const second = await completeSignIn(t.ctx, { token: again, code: next, address });
		expect(second.token).not.toBe(session.token);
	});

	it('takes each recovery code once, and says so the second time', async () => {
		const person = await enrolled();
		const [code] = person.recoveryCodes;
		const token = await signInFirstStep(person.email);
		await expect(
			completeSignIn(t.ctx, { token, code: 'zzzz-zzzz-zzzz-zzzz', address })
		).rejects.toThrow(WRONG_RECOVERY_CODE);
		const session = await completeSignIn(t.ctx, { token, code: code!.toUpperCase(), address });
		expect(await resolveSession(t.ctx, session.token)).not.toBeNull();
		const again = await signInFirstStep(person.email);
		await expect(completeSignIn(t.ctx, { token: again, code: code!, address })).rejects.toThrow(
			USED_RECOVERY_CODE
		);
		expect(await getTwoFactorPage(t.ctx, { ...person })).toMatchObject({ recoveryCodesLeft: 9 });
	});

	it('lets the second step live five minutes, and a pending sign-in only once', async () => {
		const person = await enrolled();
		const token = await signInFirstStep(person.email);
		t.clock.advance(5 * 60_000);
		const code = totpCodeAt(person.secret, t.clock.now());
		await expect(completeSignIn(t.ctx, { token, code, address })).rejects.toThrow(PENDING_EXPIRED);
		const fresh = await signInFirstStep(person.email);
		await completeSignIn(t.ctx, { token: fresh, code, address });
		const [recovery] = person.recoveryCodes;
		await expect(completeSignIn(t.ctx, { token: fresh, code: recovery!, address })).rejects.toThrow(
			PENDING_EXPIRED
		);
	});

	it('limits the second step like the password step: a stranger locks out only themself', async () => {
		const person = await enrolled();
		const token = await signInFirstStep(person.email);
		for (let i = 0; i < 5; i++)
			await expect(completeSignIn(t.ctx, { token, code: '000000', address })).rejects.toThrow(
				WRONG_CODE
			);
		t.clock.advance(30_000);
		const code = totpCodeAt(person.secret, t.clock.now());
		await expect(completeSignIn(t.ctx, { token, code, address })).rejects.toThrow(
			/Too many attempts/
		);
		// The owner, from their own address, is not held up by those guesses.
		const owner = { token, code, address: '198.51.100.4' };
		const session = await completeSignIn(t.ctx, owner);
		expect(await resolveSession(t.ctx, session.token)).not.toBeNull();
	});

	it('turns off only with the password and a code, and new codes replace the old', async () => {
		const person = await enrolled();
		t.clock.advance(30_000);
		const code = totpCodeAt(person.secret, t.clock.now());
		const { recoveryCodes } = await regenerateRecoveryCodes(t.ctx, { ...person, code, address });
		expect(recoveryCodes).not.toContain(person.recoveryCodes[0]);
		const input = { userId: person.userId, address };
		await expect(
			turnOffTwoFactor(t.ctx, { ...input, password: 'wrong password!', code: recoveryCodes[0]! })
		).rejects.toThrow(WRONG_PASSWORD);
		await expect(
			turnOffTwoFactor(t.ctx, {
				...input,
				password: FACTORY_PASSWORD,
				code: person.recoveryCodes[0]!
			})
		).rejects.toThrow(WRONG_RECOVERY_CODE);
		await turnOffTwoFactor(t.ctx, {
			...input,
			password: FACTORY_PASSWORD,
			code: recoveryCodes[0]!
		});
		expect((await getTwoFactorPage(t.ctx, { ...person })).state).toBe('off');
		const first = await logIn(t.ctx, { email: person.email, password: FACTORY_PASSWORD, address });
		expect(first.secondStep).toBeUndefined();
		expect(await resolveSession(t.ctx, first.token)).not.toBeNull();
	});

	it("holds a practice's staff to its rule, and not its clients", async () => {
		const coach = await buildCoach(t.ctx);
		const client = await buildClient(t.ctx, { coach });
		const actorOf = async (email: string) => {
			const s = await logIn(t.ctx, { email, password: FACTORY_PASSWORD, address });
			return (await resolveSession(t.ctx, s.token))!.actor;
		};
		const coachActor = await actorOf(coach.email);
		expect(await mustSetUpSecondFactor(t.ctx, coachActor)).toBe(false);
		await expect(
			setSecondFactorRequirement(t.ctx, {
				actor: await actorOf(client.email),
				practiceId: coach.practiceId,
				required: true
			})
		).rejects.toThrow(/Only an admin/);
		const rule = { actor: coachActor, practiceId: coach.practiceId, required: true };
		await setSecondFactorRequirement(t.ctx, rule);
		expect(await mustSetUpSecondFactor(t.ctx, coachActor)).toBe(true);
		expect(await mustSetUpSecondFactor(t.ctx, await actorOf(client.email))).toBe(false);
		await startTotpEnrolment(t.ctx, { userId: coach.userId });
		const page = await getTwoFactorPage(t.ctx, coach);
		const secret = page.state === 'enrolling' ? page.secretText.replace(/ /g, '') : '';
		const code = totpCodeAt(secret, t.clock.now());
		await confirmTotpEnrolment(t.ctx, { userId: coach.userId, code, address });
		expect(await mustSetUpSecondFactor(t.ctx, coachActor)).toBe(false);
	});
});
