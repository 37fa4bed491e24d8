import {
	generateRegistrationOptions,
	verifyRegistrationResponse,
	type RegistrationResponseJSON
} from '@simplewebauthn/server';
import { DomainError } from '../../domain/errors.ts';
import { requireRecentAuth } from '../auth/reauthenticate.ts';
import type { SignedIn } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { recordSecurityEvent } from '../security-log/security-log.ts';
import { PASSKEY_TOO_SLOW, readCeremonyResponse } from './ceremony.ts';
import { CHALLENGE_MS, PASSKEY_NAME_MAX, type RelyingParty } from './relying-party.ts';
import { insertChallenge, insertPasskey, listPasskeysOf, takeChallenge } from './repository.ts';

type Ctx = Pick<AppContext, 'db' | 'now' | 'log'>;

export const PASSKEY_NOT_MADE =
	'Your browser did not make a passkey we can use. Please try again, or keep signing in with your password.';

/** What the browser needs to make a passkey for this person (after recent re-authentication). */
export async function passkeyRegistrationOptions(
	ctx: Ctx,
	input: { signedIn: SignedIn; rp: RelyingParty }
) {
	requireRecentAuth(ctx, input.signedIn);
	const { user } = input.signedIn;
	const existing = await listPasskeysOf(ctx.db, user.id);
	const options = await generateRegistrationOptions({
		rpName: input.rp.name,
		rpID: input.rp.id,
		userName: user.email,
		userDisplayName: user.name,
		userID: new TextEncoder().encode(user.id),
		attestationType: 'none',
		// One passkey per authenticator: the browser says so instead of making a second.
		excludeCredentials: existing.map((p) => ({ id: p.id })),
		// A passkey signs in on its own, so it must prove the person (PIN or biometrics) too.
		authenticatorSelection: { residentKey: 'required', userVerification: 'required' }
	});
	await insertChallenge(ctx.db, {
		challenge: options.challenge,
		userId: user.id,
		purpose: 'register',
		expiresAt: new Date(ctx.now().getTime() + CHALLENGE_MS).toISOString()
	});
	return options;
}

function passkeyName(name: string): string {
	const trimmed = name.trim();
	const problem = !trimmed
		? 'Name the passkey, for example "My phone", so you can tell them apart.'
		: [...trimmed].length > PASSKEY_NAME_MAX
			? `Keep the name to ${PASSKEY_NAME_MAX} characters.`
			: null;
	if (problem) throw new DomainError('invalid_input', problem, { fields: { name: problem } });
	return trimmed;
}

/** Keeps the public half of a new passkey, once the library has checked the browser's answer. */
export async function addPasskey(
	ctx: Ctx,
	input: {
		signedIn: SignedIn;
		name: string;
		response: string;
		rp: RelyingParty;
		userAgent?: string | null;
	}
): Promise<{ name: string }> {
	requireRecentAuth(ctx, input.signedIn);
	const name = passkeyName(input.name);
	if (!input.response)
		throw new DomainError(
			'invalid_input',
			'Adding a passkey needs JavaScript in this browser: turn it on, or keep signing in with your password.'
		);
	const userId = input.signedIn.user.id;
	const { response, challenge } = readCeremonyResponse<RegistrationResponseJSON>(input.response);
	const now = ctx.now().toISOString();
	if (!(await takeChallenge(ctx.db, { challenge, userId, purpose: 'register', now })))
		throw new DomainError('gone', PASSKEY_TOO_SLOW);
	const verification = await verifyRegistrationResponse({
		response,
		expectedChallenge: challenge,
		expectedOrigin: input.rp.origin,
		expectedRPID: input.rp.id,
		requireUserVerification: true
	}).catch(() => null);
	if (!verification?.verified || !verification.registrationInfo)
		throw new DomainError('invalid_input', PASSKEY_NOT_MADE);
	const { credential } = verification.registrationInfo;
	await insertPasskey(ctx.db, {
		id: credential.id,
		userId,
		publicKey: Buffer.from(credential.publicKey).toString('base64url'),
		counter: credential.counter,
		transports: credential.transports ?? [],
		name,
		createdAt: now
	});
	await recordSecurityEvent(ctx, {
		userId,
		kind: 'passkey-added',
		userAgent: input.userAgent ?? null
	});
	return { name };
}
