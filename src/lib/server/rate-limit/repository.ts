import { sql } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { Dialect } from '../db/create-db.ts';

/**
 * Holds the buckets for the rest of the transaction. On PostgreSQL an advisory lock per bucket
 * (taken in sorted order, so two requests never wait on each other crosswise); SQLite runs one
 * transaction at a time on its single connection, which serialises by itself.
 */
export async function lockBuckets(trx: Db, dialect: Dialect, buckets: string[]): Promise<void> {
	if (dialect !== 'postgres') return;
	for (const bucket of [...buckets].sort())
		await sql`select pg_advisory_xact_lock(hashtext(${bucket}))`.execute(trx);
}

/** When each attempt in the bucket since `since` was made, oldest first. */
export async function attemptTimes(db: Db, bucket: string, since: string): Promise<Date[]> {
	const rows = await db
		.selectFrom('auth_attempts')
		.select('attempted_at')
		.where('bucket', '=', bucket)
		.where('attempted_at', '>', since)
		.orderBy('attempted_at')
		.execute();
	return rows.map((r) => new Date(r.attempted_at));
}

export async function insertAttempts(db: Db, buckets: string[], at: string): Promise<void> {
	if (buckets.length === 0) return;
	await db
		.insertInto('auth_attempts')
		.values(buckets.map((bucket) => ({ bucket, attempted_at: at })))
		.execute();
}

export async function deleteBucket(db: Db, bucket: string): Promise<void> {
	await db.deleteFrom('auth_attempts').where('bucket', '=', bucket).execute();
}

/** Deletes every bucket whose name starts with `prefix` (no LIKE: an email may hold `_` or `%`). */
export async function deleteBucketsStartingWith(db: Db, prefix: string): Promise<void> {
	await db
		.deleteFrom('auth_attempts')
		.where(sql<boolean>`substr(bucket, 1, ${prefix.length}) = ${prefix}`)
		.execute();
}

export async function deleteAttemptsBefore(db: Db, before: string): Promise<void> {
	await db.deleteFrom('auth_attempts').where('attempted_at', '<', before).execute();
}
