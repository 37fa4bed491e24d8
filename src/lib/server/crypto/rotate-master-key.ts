import type { Db } from '../db/create-db.ts';
import { openPayload, sealPayload } from '../jobs/sealed-payload.ts';
import {
	CHECK_NAME,
	checkOpens,
	checkValueFor,
	unwrapWithMaster,
	wrapWithMaster,
	type MasterKey
} from './master-key.ts';
import { findAppMeta, listWrappedUserKeys, replaceAppMeta, rewrapUserKey } from './repository.ts';
import { listSealedJobs, resealJob } from './rotation-repository.ts';

/** Why a rotation was refused; nothing was written. */
export class RotationRefused extends Error {}

export interface RotationResult {
	/** People's data keys re-wrapped under the new master key. */
	rewrapped: number;
	/** Already under the new key (made during the rotation window, or by an earlier run). */
	alreadyCurrent: number;
	/** Queued emails re-sealed (they are sealed with the master key itself). */
	jobs: number;
}

const BATCH = 200;

const masterIdOf = (wrapped: string) => wrapped.split(':')[1] ?? '';

/**
 * Re-wraps every person's data key under the current master key (decision 0037). No journal
 * entry, note or reply is decrypted: only the 32-byte data keys are unwrapped and wrapped again,
 * each in its own compare-and-set update, so running app processes (holding the old and the new
 * key) keep serving throughout. Everything is checked before anything is written: a database
 * wrapped with a key not given is refused with nothing changed.
 */
export async function rotateMasterKey(db: Db, master: MasterKey): Promise<RotationResult> {
	const check = await findAppMeta(db, CHECK_NAME);
	if (!check)
		throw new RotationRefused('This database has no master key yet: start Midpoint once first.');
	const held = [master.id, ...(master.previous ?? []).map((p) => p.id)];
	const keys = await listWrappedUserKeys(db);
	const unknown = new Set(
		[check, ...keys.map((k) => k.wrappedKey)].map(masterIdOf).filter((id) => !held.includes(id))
	);
	const needed = [...unknown].join(', ') || masterIdOf(check);
	if ((unknown.size > 0 || !checkOpens(master, check)) && !master.previous?.length)
		throw new RotationRefused(
			`This database is wrapped with master key ${needed}. Give that old key as MIDPOINT_OLD_MASTER_KEY ` +
				`(or the second line of the key file) and the new one as MIDPOINT_MASTER_KEY. Nothing was changed.`
		);
	if (unknown.size > 0 || !checkOpens(master, check))
		throw new RotationRefused(
			`The old key given (${held.slice(1).join(', ')}) is not the one this database is wrapped with ` +
				`(master key ${needed}). Nothing was changed.`
		);
	// Unwrap everything first: a key that does not open stops the rotation before any write.
	const plan = keys
		.filter((k) => masterIdOf(k.wrappedKey) !== master.id)
		.map((k) => {
			const aad = `user-key:${k.userId}`;
			try {
				return {
					...k,
					next: wrapWithMaster(master, unwrapWithMaster(master, k.wrappedKey, aad), aad)
				};
			} catch {
				throw new RotationRefused(
					`The data key of person ${k.userId} does not open with the keys given. Nothing was changed.`
				);
			}
		});
	let rewrapped = 0;
	// Short transactions of a few hundred rows: one sync each instead of one per person, and the
	// write lock is never held long enough for a page to notice.
	for (let i = 0; i < plan.length; i += BATCH) {
		const batch = plan.slice(i, i + BATCH);
		rewrapped += await db.transaction().execute(async (trx) => {
			let n = 0;
			for (const k of batch) if (await rewrapUserKey(trx, k.userId, k.wrappedKey, k.next)) n++;
			return n;
		});
	}
	let jobs = 0;
	for (const job of await listSealedJobs(db)) {
		if (masterIdOf(job.payload) === master.id) continue;
		const payload = openPayload(master, job.kind, job.payload);
		if (await resealJob(db, job.id, job.payload, sealPayload(master, job.kind, payload))) jobs++;
	}
	if (masterIdOf(check) !== master.id)
		await replaceAppMeta(db, CHECK_NAME, check, checkValueFor(master));
	return { rewrapped, alreadyCurrent: keys.length - plan.length, jobs };
}

/** How many wrapped values each master key holds: when the old one reads 0, it can go. */
export async function masterKeyUsage(db: Db): Promise<Map<string, number>> {
	const counts = new Map<string, number>();
	const check = await findAppMeta(db, CHECK_NAME);
	const values = [
		...(check ? [check] : []),
		...(await listWrappedUserKeys(db)).map((k) => k.wrappedKey)
	];
	for (const job of await listSealedJobs(db)) values.push(job.payload);
	for (const v of values) counts.set(masterIdOf(v), (counts.get(masterIdOf(v)) ?? 0) + 1);
	return counts;
}
