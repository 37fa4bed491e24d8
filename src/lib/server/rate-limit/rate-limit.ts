import { rateLimitDecision, rateLimits, type RateLimitName } from '../../domain/rate-limits.ts';
import { DomainError } from '../../domain/errors.ts';
import { minutesUntil } from '../../domain/time.ts';
import type { AppContext } from '../context.ts';

/**
 * Refuses with a `rate_limited` error that says when to try again once any of the buckets is
 * full; records one attempt in each bucket otherwise. Buckets live in the database so every
 * app process sees the same counts.
 */
export async function takeAttempt(
	ctx: Pick<AppContext, 'db' | 'now'>,
	buckets: ReadonlyArray<{ name: RateLimitName; key: string }>
): Promise<void> {
	const now = ctx.now();
	for (const { name, key } of buckets) {
		const since = new Date(now.getTime() - rateLimits[name].windowMs).toISOString();
		const rows = await ctx.db
			.selectFrom('auth_attempts')
			.select('attempted_at')
			.where('bucket', '=', `${name}:${key}`)
			.where('attempted_at', '>', since)
			.orderBy('attempted_at')
			.execute();
		const decision = rateLimitDecision(
			name,
			rows.map((r) => new Date(r.attempted_at)),
			now
		);
		if (!decision.allowed) {
			const minutes = minutesUntil(now, decision.retryAt);
			throw new DomainError(
				'rate_limited',
				`Too many attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
				{ retryAfterSeconds: Math.ceil((decision.retryAt.getTime() - now.getTime()) / 1000) }
			);
		}
	}
	const at = now.toISOString();
	await ctx.db
		.insertInto('auth_attempts')
		.values(buckets.map(({ name, key }) => ({ bucket: `${name}:${key}`, attempted_at: at })))
		.execute();
}

/** A successful login clears the account's failures, so a typo earlier does not count against it. */
export async function clearAttempts(
	ctx: Pick<AppContext, 'db'>,
	name: RateLimitName,
	key: string
): Promise<void> {
	await ctx.db.deleteFrom('auth_attempts').where('bucket', '=', `${name}:${key}`).execute();
}

export async function pruneAttempts(ctx: Pick<AppContext, 'db' | 'now'>): Promise<void> {
	const oldest = Math.max(...Object.values(rateLimits).map((r) => r.windowMs));
	const before = new Date(ctx.now().getTime() - oldest).toISOString();
	await ctx.db.deleteFrom('auth_attempts').where('attempted_at', '<', before).execute();
}
