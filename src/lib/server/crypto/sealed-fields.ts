import type { AppContext } from '../context.ts';
import { userCipher, type FieldAddress, type UserCipher } from './field-crypto.ts';

/** What `UserCipher.encrypt` writes: `v1:dataKeyId:iv:ciphertext:tag` (ciphertext empty for ''). */
const SEALED = /^v1:[0-9a-f]{12}:[\w-]{16}:[\w-]*:[\w-]{22}$/;

export const isSealed = (stored: string) => SEALED.test(stored);

/**
 * Reads a field that joined encryption at rest later (decision 0037): a value written before
 * then, not yet sealed by `sealPendingFields`, is plain text and comes back as it is.
 */
export function openField(cipher: UserCipher, address: FieldAddress, stored: string): string {
	return isSealed(stored) ? cipher.decrypt(address, stored) : stored;
}

export function openOptional(
	cipher: UserCipher,
	address: FieldAddress,
	stored: string | null
): string | null {
	return stored === null ? null : openField(cipher, address, stored);
}

/** Ciphers by owner, each person's key unwrapped at most once for a request that reads many. */
export function ownerCiphers(
	ctx: Pick<AppContext, 'db' | 'masterKey'>
): (userId: string) => Promise<UserCipher> {
	const byOwner = new Map<string, Promise<UserCipher>>();
	return (userId) => {
		let cipher = byOwner.get(userId);
		if (!cipher) byOwner.set(userId, (cipher = userCipher(ctx.db, ctx.masterKey, userId)));
		return cipher;
	};
}
