import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, FACTORY_PASSWORD } from '../../../../tests/factories/accounts.ts';
import { SoftAuthenticator } from '../../../../tests/support/soft-authenticator.ts';
import { REAUTH_WINDOW_MS } from '../../domain/reauth.ts';
import { totpCodeAt } from '../../domain/two-factor.ts';
import { logIn } from '../auth/log-in.ts';
import { ReauthenticationNeeded } from '../auth/reauthenticate.ts';
import { resolveSession, type SignedIn } from '../auth/sessions.ts';
import {
	confirmTotpEnrolment,
	getTwoFactorPage,
	startTotpEnrolment
} from '../two-factor/manage-two-factor.ts';
import { listMyPasskeys, removePasskey } from './manage-passkeys.ts';
import { addPasskey, passkeyRegistrationOptions } from './register-passkey.ts';
import { relyingParty } from './relying-party.ts';
import {
	confirmWithPasskey,
	passkeyOptions,
	signInWithPasskey,
	UNKNOWN_PASSKEY
} from './use-passkey.ts';

const rp = relyingParty(new URL('http://localhost:3000/account/passkeys'), undefined);
const address = '203.0.113.44';

describe.each(testDialects())('passkeys, on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	async function signedIn(email: string): Promise<SignedIn> {
		const { token } = await logIn(t.ctx, { email, password: FACTORY_PASSWORD, address });
		return (await resolveSession(t.ctx, token))!;
	}

	async function withPasskey() {
		const person = await buildClient(t.ctx);
		const here = await signedIn(person.email);
		const key = new SoftAuthenticator();
		const options = await passkeyRegistrationOptions(t.ctx, { signedIn: here, rp });
		await addPasskey(t.ctx, {
			signedIn: here,
			name: ' Work laptop ',
			response: JSON.stringify(key.register(options)),
			rp
		});
		return { ...person, here, key };
	}

	async function signInWith(key: SoftAuthenticator, origin?: string) {
		const options = await passkeyOptions(t.ctx, { rp });
		const response = JSON.stringify(key.use(options, origin));
		return signInWithPasskey(t.ctx, { response, rp, address });
	}

	it('adds a passkey after recent re-authentication and signs in with it alone, even with an app code on', async () => {
		const person = await withPasskey();
		expect((await listMyPasskeys(t.ctx, person.here)).map((p) => [p.name, p.lastUsed])).toEqual([
			['Work laptop', 'Not used yet']
		]);
		await startTotpEnrolment(t.ctx, { userId: person.userId });
		const page = await getTwoFactorPage(t.ctx, { userId: person.userId, email: person.email });
		const secret = page.state === 'enrolling' ? page.secretText.replace(/ /g, '') : '';
		await confirmTotpEnrolment(t.ctx, {
			userId: person.userId,
			code: totpCodeAt(secret, t.clock.now()),
			address
		});
		const session = await signInWith(person.key);
		expect((await resolveSession(t.ctx, session.token))?.user.id).toBe(person.userId);
		expect((await listMyPasskeys(t.ctx, person.here))[0]!.lastUsed).toBe('Active now');
	});

	it('asks to confirm it is you before adding or removing a passkey once 10 minutes have passed', async () => {
		const person = await withPasskey();
		t.clock.advance(REAUTH_WINDOW_MS);
		await expect(
			passkeyRegistrationOptions(t.ctx, { signedIn: person.here, rp })
		).rejects.toBeInstanceOf(ReauthenticationNeeded);
		const [passkey] = await listMyPasskeys(t.ctx, person.here);
		await expect(
			removePasskey(t.ctx, { signedIn: person.here, id: passkey!.id })
		).rejects.toBeInstanceOf(ReauthenticationNeeded);
		const options = await passkeyOptions(t.ctx, { rp, signedIn: person.here });
		const response = JSON.stringify(person.key.use(options));
		await confirmWithPasskey(t.ctx, { signedIn: person.here, response, rp });
		await removePasskey(t.ctx, { signedIn: person.here, id: passkey!.id });
		await expect(signInWith(person.key)).rejects.toThrow(UNKNOWN_PASSKEY);
	});

	it('refuses a passkey answer made for another site, a replayed answer, and an unknown passkey', async () => {
		const person = await withPasskey();
		await expect(signInWith(person.key, 'https://evil.example')).rejects.toThrow(UNKNOWN_PASSKEY);
		const options = await passkeyOptions(t.ctx, { rp });
		const response = JSON.stringify(person.key.use(options));
		await signInWithPasskey(t.ctx, { response, rp, address });
		await expect(signInWithPasskey(t.ctx, { response, rp, address })).rejects.toThrow(
			'That took too long, or the page was used twice.'
		);
		await expect(signInWith(new SoftAuthenticator())).rejects.toThrow(UNKNOWN_PASSKEY);
		await expect(signInWithPasskey(t.ctx, { response: '{not json', rp, address })).rejects.toThrow(
			'did not come through in one piece'
		);
	});

	it("never lets one person remove or confirm with another person's passkey", async () => {
		const owner = await withPasskey();
		const stranger = await buildClient(t.ctx);
		const strangerHere = await signedIn(stranger.email);
		const [passkey] = await listMyPasskeys(t.ctx, owner.here);
		await expect(removePasskey(t.ctx, { signedIn: strangerHere, id: passkey!.id })).rejects.toThrow(
			'That passkey is removed already.'
		);
		expect(await listMyPasskeys(t.ctx, owner.here)).toHaveLength(1);
		await expect(passkeyOptions(t.ctx, { rp, signedIn: strangerHere })).rejects.toThrow(
			'You have no passkey yet'
		);
	});

	it('refuses a passkey without a name, keeping nothing', async () => {
		const person = await buildClient(t.ctx);
		const here = await signedIn(person.email);
		const options = await passkeyRegistrationOptions(t.ctx, { signedIn: here, rp });
		const response = JSON.stringify(new SoftAuthenticator().register(options));
		await expect(addPasskey(t.ctx, { signedIn: here, name: '  ', response, rp })).rejects.toThrow(
			'Name the passkey'
		);
		expect(await listMyPasskeys(t.ctx, here)).toEqual([]);
	});
});
