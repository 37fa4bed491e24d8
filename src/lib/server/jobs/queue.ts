import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/create-db.ts';
import { openPayload, sealPayload } from './sealed-payload.ts';

export interface ClaimedJob {
	id: number;
	kind: string;
	payload: unknown;
	attempts: number;
}

/**
 * Queues a job. Its payload is stored sealed with the master key (an email holds a live link),
 * so neither the database nor a backup of it holds a usable token (docs/decisions/0025).
 */
export async function enqueueJob(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	kind: string,
	payload: unknown,
	runAt: Date = ctx.now()
): Promise<void> {
	await ctx.db
		.insertInto('jobs')
		.values({
			kind,
			payload: sealPayload(ctx.masterKey, kind, payload),
			run_at: runAt.toISOString(),
			attempts: 0,
			created_at: ctx.now().toISOString()
		})
		.execute();
}

/** What a finished job keeps of its payload: nothing (the email, and its link, are gone). */
const SCRUBBED = '{}';

const LEASE_MS = 5 * 60 * 1000;

/**
 * Claims one due job with a lease, in one atomic UPDATE … RETURNING. On PostgreSQL the inner
 * `FOR UPDATE SKIP LOCKED` lets several app processes poll at once without waiting on or
 * claiming the same job; on SQLite the single statement is atomic by itself.
 */
export async function claimNextJob(
	ctx: Pick<AppContext, 'db' | 'dialect' | 'now' | 'masterKey'>
): Promise<ClaimedJob | undefined> {
	const now = ctx.now();
	const nowIso = now.toISOString();
	const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
	const claimable = (db: Db) =>
		db
			.selectFrom('jobs')
			.where('done_at', 'is', null)
			.where('failed_at', 'is', null)
			.where('run_at', '<=', nowIso)
			.where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]));
	let next = claimable(ctx.db).select('id').orderBy('run_at').orderBy('id').limit(1);
	if (ctx.dialect === 'postgres') next = next.modifyEnd(sql`for update skip locked`);
	const job = await ctx.db
		.updateTable('jobs')
		.set((eb) => ({ locked_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
		.where('id', '=', next)
		.where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
		.returning(['id', 'kind', 'payload', 'attempts'])
		.executeTakeFirst();
	if (!job) return undefined;
	return {
		id: job.id,
		kind: job.kind,
		payload: openPayload(ctx.masterKey, job.kind, job.payload),
		attempts: job.attempts
	};
}

export async function completeJob(ctx: Pick<AppContext, 'db' | 'now'>, id: number): Promise<void> {
	await ctx.db
		.updateTable('jobs')
		.set({ done_at: ctx.now().toISOString(), locked_until: null, payload: SCRUBBED })
		.where('id', '=', id)
		.execute();
}

const MAX_ATTEMPTS = 5;

/** Retries with backoff (1, 4, 9, 16 minutes), then gives up and keeps the error for an admin. */
export async function failJob(
	ctx: Pick<AppContext, 'db' | 'now'>,
	job: ClaimedJob,
	error: string
): Promise<void> {
	const now = ctx.now();
	const giveUp = job.attempts >= MAX_ATTEMPTS;
	await ctx.db
		.updateTable('jobs')
		.set({
			last_error: error.slice(0, 1000),
			locked_until: null,
			failed_at: giveUp ? now.toISOString() : null,
			...(giveUp ? { payload: SCRUBBED } : {}),
			run_at: new Date(now.getTime() + job.attempts * job.attempts * 60_000).toISOString()
		})
		.where('id', '=', job.id)
		.execute();
}

/** The newest job's id (0 when there is none): a mark to find what was queued after it. */
export async function lastJobId(ctx: Pick<AppContext, 'db'>): Promise<number> {
	const row = await ctx.db
		.selectFrom('jobs')
		.select((eb) => eb.fn.max('id').as('id'))
		.executeTakeFirst();
	return Number(row?.id ?? 0);
}

/** Emails queued after a job id, opened, with who each goes to. */
export async function listQueuedEmailsAfter(
	ctx: Pick<AppContext, 'db' | 'masterKey'>,
	afterJobId: number
): Promise<{ id: number; to: string }[]> {
	const rows = await ctx.db
		.selectFrom('jobs')
		.select(['id', 'payload'])
		.where('id', '>', afterJobId)
		.where('kind', '=', 'email')
		.where('done_at', 'is', null)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		to: String((openPayload(ctx.masterKey, 'email', r.payload) as { to?: unknown }).to ?? '')
	}));
}

export async function deleteJobs(ctx: Pick<AppContext, 'db'>, ids: number[]): Promise<void> {
	if (ids.length) await ctx.db.deleteFrom('jobs').where('id', 'in', ids).execute();
}
