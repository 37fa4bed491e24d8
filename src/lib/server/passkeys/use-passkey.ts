import {
	generateAuthenticationOptions,
	verifyAuthenticationResponse,
	type AuthenticationResponseJSON,
	type AuthenticatorTransport
} from '@simplewebauthn/server';
import { DomainError } from '../../domain/errors.ts';
import { noteReauthenticated } from '../auth/reauthenticate.ts';
import { createSession, type SignedIn } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { takeAttempt } from '../rate-limit/rate-limit.ts';
import { recordSecurityEvent } from '../security-log/security-log.ts';
import { PASSKEY_TOO_SLOW, readCeremonyResponse } from './ceremony.ts';
import { CHALLENGE_MS, type RelyingParty } from './relying-party.ts';
import {
	deleteExpiredChallenges,
	findPasskey,
	insertChallenge,
	listPasskeysOf,
	markPasskeyUsed,
	takeChallenge,
	type PasskeyRecord
} from './repository.ts';

type Ctx = Pick<AppContext, 'db' | 'now' | 'log' | 'dialect'>;

export const UNKNOWN_PASSKEY =
	'That passkey does not open an account here: it may have been removed, or made for another site. Sign in with your password instead.';

/**
 * What the browser needs to offer its passkeys. For sign-in nobody is known yet, so any passkey
 * of this site may answer; to confirm it is you, only the signed-in person's own.
 */
export async function passkeyOptions(ctx: Ctx, input: { rp: RelyingParty; signedIn?: SignedIn }) {
	await deleteExpiredChallenges(ctx.db, ctx.now().toISOString());
	const userId = input.signedIn?.user.id ?? null;
	const mine = userId ? await listPasskeysOf(ctx.db, userId) : [];
	if (userId && mine.length === 0)
		throw new DomainError('not_found', 'You have no passkey yet: confirm with your password.');
	const options = await generateAuthenticationOptions({
		rpID: input.rp.id,
		userVerification: 'required',
		allowCredentials: mine.map((p) => ({
			id: p.id,
			transports: p.transports as AuthenticatorTransport[]
		}))
	});
	await insertChallenge(ctx.db, {
		challenge: options.challenge,
		userId,
		purpose: userId ? 'confirm' : 'sign-in',
		expiresAt: new Date(ctx.now().getTime() + CHALLENGE_MS).toISOString()
	});
	return options;
}

/** Checks a browser's answer against a stored passkey (and its challenge, used once). */
async function checkPasskey(
	ctx: Ctx,
	input: { response: string; rp: RelyingParty; userId: string | null }
): Promise<PasskeyRecord> {
	const { response, challenge } = readCeremonyResponse<AuthenticationResponseJSON>(input.response);
	const passkey = await findPasskey(ctx.db, response.id);
	if (!passkey || (input.userId && passkey.userId !== input.userId))
		throw new DomainError('unauthenticated', UNKNOWN_PASSKEY);
	const purpose = input.userId ? 'confirm' : 'sign-in';
	const now = ctx.now().toISOString();
	if (!(await takeChallenge(ctx.db, { challenge, userId: input.userId, purpose, now })))
		throw new DomainError('gone', PASSKEY_TOO_SLOW);
	const verification = await verifyAuthenticationResponse({
		response,
		expectedChallenge: challenge,
		expectedOrigin: input.rp.origin,
		expectedRPID: input.rp.id,
		credential: {
			id: passkey.id,
			publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
			counter: passkey.counter,
			transports: passkey.transports as AuthenticatorTransport[]
		},
		requireUserVerification: true
	}).catch(() => null);
	if (!verification?.verified) throw new DomainError('unauthenticated', UNKNOWN_PASSKEY);
	await markPasskeyUsed(ctx.db, passkey.id, verification.authenticationInfo.newCounter, now);
	return passkey;
}

/**
 * Signs in with a passkey alone. The passkey is something the person has, unlocked by something
 * they know or are (user verification is required), so it stands for both steps: no second
 * step follows, even with an authenticator app on (decision 0031).
 */
export async function signInWithPasskey(
	ctx: Ctx,
	input: { response: string; rp: RelyingParty; address: string; userAgent?: string | null }
): Promise<{ token: string; expiresAt: Date; userId: string }> {
	await takeAttempt(ctx, [{ name: 'login:address', key: input.address }]);
	const passkey = await checkPasskey(ctx, { ...input, userId: null });
	const session = await createSession(ctx, passkey.userId, input);
	const userAgent = input.userAgent ?? null;
	await recordSecurityEvent(ctx, { userId: passkey.userId, kind: 'sign-in', userAgent });
	return { ...session, userId: passkey.userId };
}

/** Confirms it is you with one of your passkeys: the same as typing the password again. */
export async function confirmWithPasskey(
	ctx: Ctx,
	input: { signedIn: SignedIn; response: string; rp: RelyingParty }
): Promise<void> {
	await checkPasskey(ctx, { ...input, userId: input.signedIn.user.id });
	await noteReauthenticated(ctx, input.signedIn);
}
