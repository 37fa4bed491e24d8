import { randomBytes } from 'node:crypto';
import type { Db } from '../db/create-db.ts';
import { open, seal } from './aead.ts';
import { unwrapWithMaster, wrapWithMaster, type MasterKey } from './master-key.ts';
import { findWrappedUserKey, insertWrappedUserKey } from './repository.ts';

/** Where a value lives: bound into the ciphertext, so it cannot be moved to another row or column. */
export interface FieldAddress {
	table: string;
	column: string;
	rowId: string;
}

const aadOf = (a: FieldAddress) => `${a.table}:${a.column}:${a.rowId}`;

/**
 * The person's data key, created on first use and stored only wrapped by the master key, in the
 * key store (decision 0041). Use-cases ask for it before their transaction, so the key commits in
 * its own step before anything encrypted with it (the store is another file on SQLite).
 */
async function dataKey(
	db: Db,
	master: MasterKey,
	userId: string,
	create: boolean
): Promise<{ id: string; key: Buffer }> {
	const stored = await findWrappedUserKey(db, userId);
	if (stored) {
		// The wrapped key names its master key: during a rotation the old and new ones both read.
		return {
			id: stored.keyId,
			key: unwrapWithMaster(master, stored.wrappedKey, `user-key:${userId}`)
		};
	}
	if (!create)
		throw new Error('This person has no data key: nothing of theirs was ever encrypted.');
	const key = randomBytes(32);
	const id = randomBytes(6).toString('hex');
	await insertWrappedUserKey(db, userId, {
		keyId: id,
		wrappedKey: wrapWithMaster(master, key, `user-key:${userId}`)
	});
	// Another request may have created it first: always use the stored one.
	return dataKey(db, master, userId, false);
}

export interface UserCipher {
	/** Encrypts text for storage as `v1:keyId:iv:ciphertext:tag`. */
	encrypt(address: FieldAddress, plaintext: string): string;
	decrypt(address: FieldAddress, stored: string): string;
}

/** A person's cipher, fetched the first time it is asked for and then shared. */
export type LazyCipher = () => Promise<UserCipher>;

/**
 * One person's key looked up at most once, for a request that reads several of their things
 * (the coach's client page: shared entries and two sets of threads), and not at all if none.
 */
export function lazyCipher(db: Db, master: MasterKey, userId: string): LazyCipher {
	let cipher: Promise<UserCipher> | undefined;
	return () => (cipher ??= userCipher(db, master, userId));
}

/** One person's cipher: the data key is unwrapped once for all the fields of a request. */
export async function userCipher(db: Db, master: MasterKey, userId: string): Promise<UserCipher> {
	const { id, key } = await dataKey(db, master, userId, true);
	return {
		encrypt(address, plaintext) {
			const sealed = seal(key, Buffer.from(plaintext, 'utf8'), aadOf(address));
			return `v1:${id}:${sealed.iv}:${sealed.ciphertext}:${sealed.tag}`;
		},
		decrypt(address, stored) {
			const [version, keyId, iv, ciphertext, tag] = stored.split(':');
			if (version !== 'v1') throw new Error(`Unknown encryption format ${version}`);
			if (keyId !== id)
				throw new Error(
					`This value was encrypted with data key ${keyId}, not this person's ${id}.`
				);
			return open(key, { iv: iv!, ciphertext: ciphertext!, tag: tag! }, aadOf(address)).toString(
				'utf8'
			);
		}
	};
}
