import { describe, expect, it } from 'vitest';
import {
	checkTotp,
	groupSecret,
	newTotpSecret,
	normaliseRecoveryCode,
	recoveryCodeFrom,
	totpCodeAt,
	totpUri
} from './two-factor.ts';

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const at = new Date('2026-11-29T12:00:10Z');
const stepAt = (d: Date) => Math.floor(d.getTime() / 30_000);

describe('TOTP codes', () => {
	it('accepts the code of this step and of one step either side, and nothing further', () => {
		for (const offset of [-30_000, 0, 30_000]) {
			const code = totpCodeAt(secret, new Date(at.getTime() + offset));
			expect(checkTotp(secret, code, at, null), `offset ${offset}`).toEqual({
				ok: true,
				step: stepAt(new Date(at.getTime() + offset))
			});
		}
		for (const offset of [-90_000, -60_000, 60_000, 90_000]) {
			const code = totpCodeAt(secret, new Date(at.getTime() + offset));
			expect(checkTotp(secret, code, at, null)).toEqual({ ok: false, reason: 'wrong' });
		}
	});

	it('refuses a code whose step was accepted already, or an earlier one', () => {
		const code = totpCodeAt(secret, at);
		const first = checkTotp(secret, code, at, null);
		expect(first.ok).toBe(true);
		const step = (first as { step: number }).step;
		expect(checkTotp(secret, code, at, step)).toEqual({ ok: false, reason: 'reused' });
		const earlier = totpCodeAt(secret, new Date(at.getTime() - 30_000));
		expect(checkTotp(secret, earlier, at, step)).toEqual({ ok: false, reason: 'reused' });
		const later = totpCodeAt(secret, new Date(at.getTime() + 30_000));
		expect(checkTotp(secret, later, new Date(at.getTime() + 30_000), step).ok).toBe(true);
	});

	it('refuses what is not six digits, and takes spaces in a typed code', () => {
		expect(checkTotp(secret, '12345', at, null)).toEqual({ ok: false, reason: 'wrong' });
		expect(checkTotp(secret, 'abcdef', at, null)).toEqual({ ok: false, reason: 'wrong' });
		const code = totpCodeAt(secret, at);
		expect(checkTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, at, null).ok).toBe(true);
	});

	it('makes a 160-bit secret, groups it for typing, and puts it in the QR address', () => {
		const fresh = newTotpSecret();
		expect(fresh).toMatch(/^[A-Z2-7]{32}$/);
		expect(groupSecret(fresh).split(' ')).toHaveLength(8);
		expect(totpUri(fresh, 'ann@example.com')).toBe(
			`otpauth://totp/Midpoint:ann%40example.com?issuer=Midpoint&secret=${fresh}&algorithm=SHA1&digits=6&period=30`
		);
	});
});

describe('recovery codes', () => {
	it('are 16 symbols of Crockford base32 in groups of four, read back however they are typed', () => {
		const code = recoveryCodeFrom(Uint8Array.from({ length: 16 }, (_, i) => i * 17));
		expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/);
		expect(normaliseRecoveryCode(code.toUpperCase().replace(/-/g, ' '))).toBe(
			code.replace(/-/g, '')
		);
		expect(normaliseRecoveryCode('O1lI-0000')).toBe('01110000');
	});
});
