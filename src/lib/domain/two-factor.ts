import { Secret, TOTP } from 'otpauth';

/** RFC 6238 with the settings every authenticator app uses by default. */
export const TOTP_PERIOD_SECONDS = 30;
/** One step either side of now: a phone clock up to 30 s off still works. */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
/** Second step of sign-in: how long the half-signed-in state lasts. */
export const PENDING_SIGN_IN_MS = 5 * 60 * 1000;

const ISSUER = 'Midpoint';

function totp(secretBase32: string, label = ''): TOTP {
	return new TOTP({
		issuer: ISSUER,
		label,
		algorithm: 'SHA1',
		digits: 6,
		period: TOTP_PERIOD_SECONDS,
		secret: Secret.fromBase32(secretBase32)
	});
}

/** A new 160-bit secret in base32, as authenticator apps expect it. */
export function newTotpSecret(): string {
	return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address that the QR code carries. */
export function totpUri(secretBase32: string, email: string): string {
	return totp(secretBase32, email).toString();
}

/** The secret in groups of four, for typing into an app by hand. */
export function groupSecret(secretBase32: string): string {
	return secretBase32.match(/.{1,4}/g)!.join(' ');
}

/** The code an app would show at `at` (tests and nothing else need this). */
export function totpCodeAt(secretBase32: string, at: Date): string {
	return totp(secretBase32).generate({ timestamp: at.getTime() });
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'wrong' | 'reused' };

/**
 * Checks a six-digit code against the secret within the window, and refuses a code whose time
 * step is not later than the last one accepted: a code seen over someone's shoulder, or sent
 * twice, does not work again.
 */
export function checkTotp(
	secretBase32: string,
	code: string,
	now: Date,
	lastAcceptedStep: number | null
): TotpCheck {
	const token = code.replace(/\s+/g, '');
	if (!/^\d{6}$/.test(token)) return { ok: false, reason: 'wrong' };
	const delta = totp(secretBase32).validate({
		token,
		timestamp: now.getTime(),
		window: TOTP_WINDOW
	});
	if (delta === null) return { ok: false, reason: 'wrong' };
	const step = Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta;
	if (lastAcceptedStep !== null && step <= lastAcceptedStep) return { ok: false, reason: 'reused' };
	return { ok: true, step };
}

/**
 * Digits only, and not the length of a recovery code: meant as a code from the app (a mistyped
 * one then gets the app's message, not the recovery code's).
 */
export function isAppCode(code: string): boolean {
	return /^\d{1,15}$/.test(code.replace(/\s+/g, ''));
}

// Crockford's base32: no i, l, o or u, so nothing is misread off paper (an o typed for 0, or
// an i or l for 1, is read as meant). 32 symbols = 5 bits each; 16 of them = 80 bits.
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RECOVERY_LENGTH = 16;

/** Turns random bytes (one per symbol) into a recovery code like `abcd-efgh-jkmn-pqrs`. */
export function recoveryCodeFrom(bytes: Uint8Array): string {
	if (bytes.length < RECOVERY_LENGTH) throw new Error('Not enough random bytes for a code.');
	let code = '';
	for (let i = 0; i < RECOVERY_LENGTH; i++) {
		code += RECOVERY_ALPHABET[bytes[i]! & 31];
		if (i % 4 === 3 && i < RECOVERY_LENGTH - 1) code += '-';
	}
	return code;
}

/** What is compared: lower case, without spaces or hyphens, so `ABCD EFGH…` also works. */
export function normaliseRecoveryCode(code: string): string {
	return code
		.toLowerCase()
		.replace(/[\s-]+/g, '')
		.replace(/o/g, '0')
		.replace(/[il]/g, '1');
}
