import type { Selectable } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { PracticeValidityTable } from '../db/types.ts';

export type ValidityRow = Selectable<PracticeValidityTable>;

export async function findValidity(db: Db, practiceId: string): Promise<ValidityRow | undefined> {
	return db
		.selectFrom('practice_validity')
		.selectAll()
		.where('practice_id', '=', practiceId)
		.executeTakeFirst();
}

/** Marks the figures as being worked out for `basis`; the previous figures stay until replaced. */
export async function markValidityPending(
	db: Db,
	row: { practiceId: string; basis: string; respondents: number; at: string }
): Promise<void> {
	await db
		.insertInto('practice_validity')
		.values({
			practice_id: row.practiceId,
			status: 'pending',
			basis: row.basis,
			respondents: row.respondents,
			figures: null,
			message: null,
			requested_at: row.at,
			computed_at: null
		})
		.onConflict((oc) =>
			oc.column('practice_id').doUpdateSet({
				status: 'pending',
				basis: row.basis,
				respondents: row.respondents,
				requested_at: row.at
			})
		)
		.execute();
}

/** Stores the outcome of a computation, unless a newer request replaced its basis meanwhile. */
export async function storeValidity(
	db: Db,
	row: {
		practiceId: string;
		basis: string;
		status: 'done' | 'failed';
		figures: string | null;
		message: string | null;
		at: string;
	}
): Promise<void> {
	await db
		.updateTable('practice_validity')
		.set({
			status: row.status,
			message: row.message,
			computed_at: row.at,
			// A failure keeps the last good figures on the page.
			...(row.figures !== null ? { figures: row.figures } : {})
		})
		.where('practice_id', '=', row.practiceId)
		.where('basis', '=', row.basis)
		.execute();
}
