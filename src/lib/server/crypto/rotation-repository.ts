import type { Db } from '../db/create-db.ts';

/** Jobs not yet sent or given up on: their payload is still sealed with a master key. */
export async function listSealedJobs(
	db: Db
): Promise<{ id: number; kind: string; payload: string }[]> {
	return db
		.selectFrom('jobs')
		.select(['id', 'kind', 'payload'])
		.where('done_at', 'is', null)
		.where('failed_at', 'is', null)
		.where('payload', 'like', 'sealed1:%')
		.execute();
}

/** Replaces a job's sealed payload only if it is still the one read (it may have been sent). */
export async function resealJob(db: Db, id: number, from: string, to: string): Promise<boolean> {
	const result = await db
		.updateTable('jobs')
		.set({ payload: to })
		.where('id', '=', id)
		.where('payload', '=', from)
		.where('done_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}
