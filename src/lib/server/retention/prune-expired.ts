import { retentionCutoffs } from '../../domain/retention.ts';
import type { AppContext } from '../context.ts';
import {
	claimRetentionDay,
	deleteAttemptsBefore,
	deleteFinishedJobs,
	deletePendingSignInsExpiredBefore,
	deleteSpentTokens
} from './repository.ts';
import { deleteExpiredSessions } from '../sessions/repository.ts';
import { deleteOrphanKeys, markOrphanKeys } from '../crypto/repository.ts';

export interface Pruned {
	sessions: number;
	pendingSignIns: number;
	rateLimitCounts: number;
	jobs: number;
	tokens: number;
	/** Data keys whose person has been gone from the database a week (decision 0041). */
	orphanKeys: number;
}

/** Deletes what the retention periods (domain/retention.ts) say has been kept long enough. */
export async function pruneExpired(ctx: Pick<AppContext, 'db' | 'now'>): Promise<Pruned> {
	const now = ctx.now();
	const cut = retentionCutoffs(now);
	return {
		sessions: await deleteExpiredSessions(ctx.db, cut.idleSessionsMs, now.toISOString()),
		pendingSignIns: await deletePendingSignInsExpiredBefore(ctx.db, cut.expiredPendingSignInsMs),
		rateLimitCounts: await deleteAttemptsBefore(ctx.db, cut.rateLimitCountsMs),
		jobs: await deleteFinishedJobs(ctx.db, cut.sentJobsMs, cut.failedJobsMs),
		tokens: await deleteSpentTokens(ctx.db, cut.spentTokensMs),
		orphanKeys: await pruneOrphanKeys(ctx.db, now.toISOString(), cut.orphanKeysMs)
	};
}

/** Marks keys newly without a person, then deletes those marked long enough ago. */
async function pruneOrphanKeys(db: AppContext['db'], now: string, before: string) {
	await markOrphanKeys(db, now);
	return deleteOrphanKeys(db, before);
}

/**
 * The daily job: the first look of each UTC day (any app process's worker, or `midpoint jobs
 * run-once`) prunes; every other look that day does nothing. Undefined when it was not this one's turn.
 */
export async function pruneIfDue(
	ctx: Pick<AppContext, 'db' | 'now' | 'log'>
): Promise<Pruned | undefined> {
	if (!(await claimRetentionDay(ctx.db, ctx.now().toISOString().slice(0, 10)))) return undefined;
	const pruned = await pruneExpired(ctx);
	ctx.log.info({ pruned }, 'retention: pruned expired rows');
	return pruned;
}
