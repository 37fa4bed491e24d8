import { rateLimits } from './rate-limits.ts';
import { SESSION_IDLE_MS } from './time.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long each kind of housekeeping row is kept after it stops mattering (decision 0037; the
 * README lists the same periods). Nothing a person wrote is here: only the traces of signing in,
 * sending and linking.
 */
export const RETENTION = {
	/** A session is deleted once it can never be used again: past its end, or idle this long. */
	idleSessionsMs: SESSION_IDLE_MS,
	/** A half-finished two-step sign-in, likewise once expired. */
	expiredPendingSignInsMs: 0,
	/** Failed sign-in and reset counts: kept as long as the longest rate-limit window reads them. */
	rateLimitCountsMs: Math.max(...Object.values(rateLimits).map((r) => r.windowMs)),
	/** A sent email's job row (its payload was already scrubbed when it was sent). */
	sentJobsMs: 7 * DAY_MS,
	/** A job given up on, with its error, kept a month for an operator to look at. */
	failedJobsMs: 30 * DAY_MS,
	/** A used or expired confirm/reset link: kept a week so the page can say "already used" or "expired". */
	spentTokensMs: 7 * DAY_MS,
	/**
	 * A data key whose person is gone from the database (decision 0041): after an older backup is
	 * restored, the newer database may still be put back within this time and read again.
	 */
	orphanKeysMs: 7 * DAY_MS
} as const;

/** The ISO instant before which each kind is pruned, at `now`. */
export function retentionCutoffs(now: Date): Record<keyof typeof RETENTION, string> {
	const at = (ms: number) => new Date(now.getTime() - ms).toISOString();
	return {
		idleSessionsMs: at(RETENTION.idleSessionsMs),
		expiredPendingSignInsMs: at(RETENTION.expiredPendingSignInsMs),
		rateLimitCountsMs: at(RETENTION.rateLimitCountsMs),
		sentJobsMs: at(RETENTION.sentJobsMs),
		failedJobsMs: at(RETENTION.failedJobsMs),
		spentTokensMs: at(RETENTION.spentTokensMs),
		orphanKeysMs: at(RETENTION.orphanKeysMs)
	};
}
