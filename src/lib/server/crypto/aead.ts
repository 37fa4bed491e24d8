import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256-GCM with associated data; returns base64url iv, ciphertext and tag. */
export function seal(
	key: Buffer,
	plaintext: Buffer,
	aad: string
): { iv: string; ciphertext: string; tag: string } {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	cipher.setAAD(Buffer.from(aad, 'utf8'));
	const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
	return {
		iv: iv.toString('base64url'),
		ciphertext: ciphertext.toString('base64url'),
		tag: cipher.getAuthTag().toString('base64url')
	};
}

/** Opens what `seal` produced; throws when the key, the data or the associated data differ. */
export function open(
	key: Buffer,
	sealed: { iv: string; ciphertext: string; tag: string },
	aad: string
): Buffer {
	const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64url'));
	decipher.setAAD(Buffer.from(aad, 'utf8'));
	decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
	return Buffer.concat([
		decipher.update(Buffer.from(sealed.ciphertext, 'base64url')),
		decipher.final()
	]);
}
