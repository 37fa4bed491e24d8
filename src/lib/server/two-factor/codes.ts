import { randomBytes } from 'node:crypto';
import {
	checkTotp,
	isAppCode,
	normaliseRecoveryCode,
	RECOVERY_CODE_COUNT,
	recoveryCodeFrom
} from '../../domain/two-factor.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import { userCipher } from '../crypto/field-crypto.ts';
import { hashToken } from '../security/tokens.ts';
import {
	acceptTotpStep,
	findRecoveryCodeUse,
	findTotpFactor,
	markRecoveryCodeUsed,
	type TotpFactor
} from './repository.ts';

export const WRONG_CODE =
	'That code is not right. Enter the six digits your app shows now (they change every 30 seconds).';
export const REUSED_CODE =
	'That code was used already. Wait for your app to show the next one and enter that.';
export const WRONG_RECOVERY_CODE =
	'That recovery code is not one of yours. Check it against your saved list and try again.';
export const USED_RECOVERY_CODE =
	'That recovery code was used already: each one works once. Use another from your list.';
export const NO_CODE = 'Enter the six-digit code from your app, or one of your recovery codes.';

/**
 * Recovery codes carry 80 random bits, so a plain SHA-256 is enough to keep them safe at rest:
 * nobody can try 2^80 guesses against a stolen hash. It also lets the lookup be by hash (0030).
 */
export function hashRecoveryCode(userId: string, code: string): string {
	return hashToken(`${userId}:${normaliseRecoveryCode(code)}`);
}

export function newRecoveryCodes(userId: string): { codes: string[]; hashes: string[] } {
	const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () =>
		recoveryCodeFrom(randomBytes(16))
	);
	return { codes, hashes: codes.map((c) => hashRecoveryCode(userId, c)) };
}

export const secretAddress = (userId: string) => ({
	table: 'totp_factors',
	column: 'secret_encrypted',
	rowId: userId
});

export async function decryptSecret(
	ctx: Pick<AppContext, 'db' | 'masterKey'>,
	factor: TotpFactor
): Promise<string> {
	const cipher = await userCipher(ctx.db, ctx.masterKey, factor.user_id);
	return cipher.decrypt(secretAddress(factor.user_id), factor.secret_encrypted);
}

/** Accepts a current app code once (turning the factor on when `enableAt` is given), or refuses. */
export async function acceptAppCode(
	ctx: Pick<AppContext, 'db' | 'masterKey' | 'now'>,
	factor: TotpFactor,
	code: string,
	options: { field?: string; enableAt?: string } = {}
): Promise<void> {
	const field = options.field ?? 'code';
	// Nothing typed, or not six digits: say what a code is, rather than that it is wrong.
	if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) {
		const message = code.trim()
			? 'A code is six digits. Enter the six digits your app shows now.'
			: 'Enter the six-digit code your app shows now.';
		throw new DomainError('invalid_input', message, { fields: { [field]: message } });
	}
	const secret = await decryptSecret(ctx, factor);
	const check = checkTotp(secret, code, ctx.now(), factor.last_step);
	if (!check.ok) {
		const message = check.reason === 'reused' ? REUSED_CODE : WRONG_CODE;
		throw new DomainError('invalid_input', message, { fields: { [field]: message } });
	}
	if (!(await acceptTotpStep(ctx.db, factor.user_id, check.step, options.enableAt)))
		throw new DomainError('invalid_input', REUSED_CODE, { fields: { [field]: REUSED_CODE } });
}

/** Uses up one recovery code, or refuses with what went wrong. */
export async function useRecoveryCode(
	ctx: Pick<AppContext, 'db' | 'now'>,
	userId: string,
	code: string,
	field = 'code'
): Promise<void> {
	const hash = hashRecoveryCode(userId, code);
	if (await markRecoveryCodeUsed(ctx.db, userId, hash, ctx.now().toISOString())) return;
	const known = await findRecoveryCodeUse(ctx.db, userId, hash);
	const message = known ? USED_RECOVERY_CODE : WRONG_RECOVERY_CODE;
	throw new DomainError('invalid_input', message, { fields: { [field]: message } });
}

/** Either kind of code, for a person whose factor is on. */
export async function acceptSecondFactor(
	ctx: Pick<AppContext, 'db' | 'masterKey' | 'now'>,
	userId: string,
	code: string,
	field = 'code'
): Promise<void> {
	if (!code.trim())
		throw new DomainError('invalid_input', NO_CODE, { fields: { [field]: NO_CODE } });
	const factor = await findTotpFactor(ctx.db, userId);
	// Turned off from another device while this sign-in waited: start again with the password.
	if (!factor?.enabled_at)
		throw new DomainError(
			'gone',
			'Two-step sign-in is off for this account now. Please sign in again.'
		);
	if (isAppCode(code)) await acceptAppCode(ctx, factor, code, { field });
	else await useRecoveryCode(ctx, userId, code, field);
}
