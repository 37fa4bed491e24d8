import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { insertWrappedUserKey, listStoredKeys } from '../crypto/repository.ts';
import type { Db } from '../db/create-db.ts';
import { createPrivateFile } from './postgres-backup.ts';

/**
 * A copy of the key store for disaster recovery (decision 0041): an SQLite file (mode 0600) with
 * one table, `person_keys`, laid out as the SQLite key store itself, whichever engine the app
 * runs on. The wrapped keys are copied as they are: without the master key they open nothing.
 */
export async function writeKeyStoreCopy(db: Db, target: string): Promise<number> {
	const keys = await listStoredKeys(db);
	createPrivateFile(target);
	const copy = new SQLite(target);
	try {
		copy.exec(
			'create table person_keys (user_id text primary key, key_id text not null, wrapped_key text not null)'
		);
		const insert = copy.prepare(
			'insert into person_keys (user_id, key_id, wrapped_key) values (?, ?, ?)'
		);
		copy.transaction(() => {
			for (const k of keys) insert.run(k.userId, k.keyId, k.wrappedKey);
		})();
	} finally {
		copy.close();
	}
	fs.chmodSync(target, 0o600);
	return keys.length;
}

export interface StoredKey {
	userId: string;
	keyId: string;
	wrappedKey: string;
}

const USER_ID = /^[\w-]{1,100}$/;
const KEY_ID = /^[0-9a-f]{12}$/;
const WRAPPED = /^v1:[0-9a-f]{8}:[\w-]{16}:[\w-]+:[\w-]{22}$/;

/** The keys in a copy, or why FILE is not one (nothing is read into the store then). */
export function readKeyStoreCopy(file: string): { keys: StoredKey[] } | { problem: string } {
	if (!fs.existsSync(file)) return { problem: `${file} does not exist.` };
	let copy: SQLite.Database | undefined;
	try {
		copy = new SQLite(file, { readonly: true, fileMustExist: true });
		const verdict = (copy.pragma('integrity_check') as { integrity_check: string }[])
			.map((r) => r.integrity_check)
			.join('; ');
		if (verdict !== 'ok') return { problem: `${file} failed SQLite's integrity check: ${verdict}` };
		const tables = (
			copy.prepare(`select name from sqlite_master where type = 'table'`).all() as {
				name: string;
			}[]
		).map((t) => t.name);
		if (!tables.includes('person_keys'))
			return {
				problem: tables.includes('users')
					? `${file} is a database backup, not a copy of the key store (that one goes back with midpoint restore).`
					: `${file} is an SQLite database, but not a copy of Midpoint's key store.`
			};
		const rows = copy
			.prepare('select user_id, key_id, wrapped_key from person_keys order by user_id')
			.all() as { user_id: unknown; key_id: unknown; wrapped_key: unknown }[];
		const bad = rows.findIndex(
			(r) =>
				!USER_ID.test(String(r.user_id)) ||
				!KEY_ID.test(String(r.key_id)) ||
				!WRAPPED.test(String(r.wrapped_key))
		);
		if (bad >= 0)
			return { problem: `${file} has a key that is not in Midpoint's form (row ${bad + 1}).` };
		if (rows.length === 0)
			return { problem: `${file} holds no keys: there is nothing to restore.` };
		const keys = rows.map((r) => ({
			userId: String(r.user_id),
			keyId: String(r.key_id),
			wrappedKey: String(r.wrapped_key)
		}));
		return { keys };
	} catch (err) {
		const reason = err instanceof Error ? err.message : String(err);
		return { problem: `${file} is not a readable copy of the key store (${reason}).` };
	} finally {
		copy?.close();
	}
}

/**
 * Puts a copy's keys into the key store: only the people it has no key for (a key already there
 * is the live one, and stays), and never a deleted account's (`erased`, the erasure ledger).
 */
export async function restoreKeys(
	db: Db,
	keys: readonly StoredKey[],
	erased: ReadonlySet<string>
): Promise<{ added: number; kept: number; leftOut: number }> {
	const wanted = keys.filter((k) => !erased.has(k.userId));
	let added = 0;
	await db.transaction().execute(async (trx) => {
		for (const k of wanted) if (await insertWrappedUserKey(trx, k.userId, k)) added++;
	});
	return { added, kept: wanted.length - added, leftOut: keys.length - wanted.length };
}
