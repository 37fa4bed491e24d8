import { requirePasswordTyped } from '../../domain/passwords.ts';
import { DomainError } from '../../domain/errors.ts';
import { groupSecret, newTotpSecret, totpUri } from '../../domain/two-factor.ts';
import type { AppContext } from '../context.ts';
import { userCipher } from '../crypto/field-crypto.ts';
import { limitCodeCheck } from './attempts.ts';
import { recordSecurityEvent } from '../security-log/security-log.ts';
import { verifyPassword } from '../security/password-hash.ts';
import { findUserById } from '../users/repository.ts';
import {
	acceptAppCode,
	acceptSecondFactor,
	decryptSecret,
	newRecoveryCodes,
	secretAddress
} from './codes.ts';
import {
	countUnusedRecoveryCodes,
	deleteTotpFactor,
	findTotpFactor,
	replaceRecoveryCodes,
	saveTotpEnrolment
} from './repository.ts';

type Ctx = Pick<AppContext, 'db' | 'masterKey' | 'now' | 'log' | 'dialect'>;

export type TwoFactorPage =
	| { state: 'off' }
	| { state: 'enrolling'; qrSvg: string; secretText: string }
	| { state: 'on'; since: string; recoveryCodesLeft: number };

/** What the account's two-step page shows: nothing yet, the QR code to scan, or that it is on. */
export async function getTwoFactorPage(
	ctx: Ctx,
	input: { userId: string; email: string }
): Promise<TwoFactorPage> {
	const factor = await findTotpFactor(ctx.db, input.userId);
	if (!factor) return { state: 'off' };
	if (factor.enabled_at)
		return {
			state: 'on',
			since: factor.enabled_at,
			recoveryCodesLeft: await countUnusedRecoveryCodes(ctx.db, input.userId)
		};
	const secret = await decryptSecret(ctx, factor);
	// Drawn here, on the server, so it shows without JavaScript.
	// Loaded when someone sets up a second step, not at start.
	const { default: QRCode } = await import('qrcode');
	const qrSvg = await QRCode.toString(totpUri(secret, input.email), {
		type: 'svg',
		margin: 2,
		errorCorrectionLevel: 'M'
	});
	return { state: 'enrolling', qrSvg, secretText: groupSecret(secret) };
}

/** A new secret, kept encrypted with the person's key, waiting for a first code. */
export async function startTotpEnrolment(ctx: Ctx, input: { userId: string }): Promise<void> {
	const existing = await findTotpFactor(ctx.db, input.userId);
	if (existing?.enabled_at) throw new DomainError('conflict', 'Two-step sign-in is on already.');
	const secret = newTotpSecret();
	const cipher = await userCipher(ctx.db, ctx.masterKey, input.userId);
	await saveTotpEnrolment(ctx.db, {
		userId: input.userId,
		secretEncrypted: cipher.encrypt(secretAddress(input.userId), secret),
		createdAt: ctx.now().toISOString()
	});
}

/** The first right code turns it on; the answer is the recovery codes, shown this once. */
export async function confirmTotpEnrolment(
	ctx: Ctx,
	input: { userId: string; code: string; address: string; userAgent?: string | null }
): Promise<{ recoveryCodes: string[] }> {
	const factor = await findTotpFactor(ctx.db, input.userId);
	if (!factor || factor.enabled_at)
		throw new DomainError('conflict', 'There is no set-up waiting: start again from this page.');
	const now = ctx.now().toISOString();
	await limitCodeCheck(ctx, input, () => acceptAppCode(ctx, factor, input.code, { enableAt: now }));
	const { codes, hashes } = newRecoveryCodes(input.userId);
	await replaceRecoveryCodes(ctx.db, input.userId, hashes, now);
	const userAgent = input.userAgent ?? null;
	await recordSecurityEvent(ctx, { userId: input.userId, kind: 'two-factor-on', userAgent });
	return { recoveryCodes: codes };
}

/** New codes for old ones, on a current code from the app. */
export async function regenerateRecoveryCodes(
	ctx: Ctx,
	input: { userId: string; code: string; address: string }
): Promise<{ recoveryCodes: string[] }> {
	const factor = await findTotpFactor(ctx.db, input.userId);
	if (!factor?.enabled_at) throw new DomainError('conflict', 'Two-step sign-in is not on.');
	await limitCodeCheck(ctx, input, () => acceptAppCode(ctx, factor, input.code));
	const { codes, hashes } = newRecoveryCodes(input.userId);
	await replaceRecoveryCodes(ctx.db, input.userId, hashes, ctx.now().toISOString());
	ctx.log.info({ userId: input.userId }, 'recovery codes replaced');
	return { recoveryCodes: codes };
}

export const WRONG_PASSWORD = 'That is not your current password.';

/** Off again, on the password and a current code (or a recovery code). */
export async function turnOffTwoFactor(
	ctx: Ctx,
	input: {
		userId: string;
		code: string;
		password: string;
		address: string;
		userAgent?: string | null;
	}
): Promise<void> {
	const factor = await findTotpFactor(ctx.db, input.userId);
	if (!factor) throw new DomainError('conflict', 'Two-step sign-in is not on.');
	if (!factor.enabled_at) {
		// Enrolment never finished: nothing protects the account yet, so cancelling needs no code.
		await deleteTotpFactor(ctx.db, input.userId);
		return;
	}
	requirePasswordTyped(input.password);
	await limitCodeCheck(ctx, input, async () => {
		const user = await findUserById(ctx.db, input.userId);
		if (!user || !(await verifyPassword(user.password_hash, input.password)))
			throw new DomainError('invalid_input', WRONG_PASSWORD, {
				fields: { password: WRONG_PASSWORD }
			});
		await acceptSecondFactor(ctx, input.userId, input.code);
	});
	await ctx.db.transaction().execute(async (trx) => {
		await deleteTotpFactor(trx, input.userId);
		await replaceRecoveryCodes(trx, input.userId, [], ctx.now().toISOString());
	});
	const userAgent = input.userAgent ?? null;
	await recordSecurityEvent(ctx, { userId: input.userId, kind: 'two-factor-off', userAgent });
}
