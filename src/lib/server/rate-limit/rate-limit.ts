import { rateLimitDecision, rateLimits, type RateLimitName } from '../../domain/rate-limits.ts';
import { DomainError } from '../../domain/errors.ts';
import { minutesUntil } from '../../domain/time.ts';
import type { AppContext } from '../context.ts';
import {
	attemptTimes,
	deleteAttemptsBefore,
	deleteBucket,
	deleteBucketsStartingWith,
	insertAttempts,
	lockBuckets
} from './repository.ts';

type Ctx = Pick<AppContext, 'db' | 'now' | 'dialect'>;

export interface Bucket {
	name: RateLimitName;
	key: string;
	/** false: checked, but this attempt is not counted here (see `recordAttempt`). */
	record?: boolean;
}

const bucketName = (name: RateLimitName, key: string) => `${name}:${key}`;

function refusal(now: Date, retryAt: Date): DomainError {
	const minutes = minutesUntil(now, retryAt);
	return new DomainError(
		'rate_limited',
		`Too many attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
		{ retryAfterSeconds: Math.ceil((retryAt.getTime() - now.getTime()) / 1000) }
	);
}

/**
 * Refuses with a `rate_limited` error that says when to try again once any of the buckets is
 * full; records one attempt in each bucket otherwise. The count and the insert happen in one
 * transaction holding the buckets, so a burst of parallel requests cannot all pass the count
 * before any of them is recorded. Buckets live in the database so every app process sees them.
 */
export async function takeAttempt(ctx: Ctx, buckets: ReadonlyArray<Bucket>): Promise<void> {
	const now = ctx.now();
	const names = buckets.map((b) => bucketName(b.name, b.key));
	await ctx.db.transaction().execute(async (trx) => {
		await lockBuckets(trx, ctx.dialect, names);
		for (const [i, { name }] of buckets.entries()) {
			const since = new Date(now.getTime() - rateLimits[name].windowMs).toISOString();
			const decision = rateLimitDecision(name, await attemptTimes(trx, names[i]!, since), now);
			if (!decision.allowed) throw refusal(now, decision.retryAt);
		}
		const recorded = names.filter((_, i) => buckets[i]!.record !== false);
		await insertAttempts(trx, recorded, now.toISOString());
	});
}

/** Counts one attempt in a bucket that `takeAttempt` only checked (e.g. a failed guess). */
export async function recordAttempt(ctx: Ctx, name: RateLimitName, key: string): Promise<void> {
	await insertAttempts(ctx.db, [bucketName(name, key)], ctx.now().toISOString());
}

/** A successful sign-in clears that bucket, so a typo earlier does not count against it. */
export async function clearAttempts(
	ctx: Pick<AppContext, 'db'>,
	name: RateLimitName,
	key: string
): Promise<void> {
	await deleteBucket(ctx.db, bucketName(name, key));
}

/** Every sign-in bucket of an account: a password reset proves the owner and lets them back in. */
export async function clearSignInAttempts(
	ctx: Pick<AppContext, 'db'>,
	email: string
): Promise<void> {
	await deleteBucket(ctx.db, bucketName('login:account', email));
	await deleteBucketsStartingWith(ctx.db, bucketName('login:account-address', `${email} `));
}

export async function pruneAttempts(ctx: Pick<AppContext, 'db' | 'now'>): Promise<void> {
	const oldest = Math.max(...Object.values(rateLimits).map((r) => r.windowMs));
	await deleteAttemptsBefore(ctx.db, new Date(ctx.now().getTime() - oldest).toISOString());
}
