import type { Db } from '../db/create-db.ts';
import type { PracticeNormsTable } from '../db/types.ts';
import type { Selectable } from 'kysely';
import type { NormFigures } from '../../domain/scoring/local-norms.ts';

export type PracticeNormsRow = Selectable<PracticeNormsTable>;

/** The norms a practice has in force, if it adopted its own. */
export async function findNormsInForce(
	db: Db,
	practiceId: string
): Promise<PracticeNormsRow | undefined> {
	return db
		.selectFrom('practice_norms')
		.selectAll()
		.where('practice_id', '=', practiceId)
		.where('retired_at', 'is', null)
		.executeTakeFirst();
}

/** The norms in force in the practice where this person is a client, if any. */
export async function findNormsInForceForClient(
	db: Db,
	userId: string
): Promise<PracticeNormsRow | undefined> {
	return db
		.selectFrom('practice_norms as n')
		.innerJoin('memberships as m', 'm.practice_id', 'n.practice_id')
		.selectAll('n')
		.where('m.user_id', '=', userId)
		.where('m.role', '=', 'client')
		.where('n.retired_at', 'is', null)
		.executeTakeFirst();
}

/** Puts new norms in force, retiring the ones before, in one transaction. */
export async function replaceNormsInForce(
	db: Db,
	row: Omit<PracticeNormsRow, 'figures' | 'retired_at'> & { figures: NormFigures }
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('practice_norms')
			.set({ retired_at: row.adopted_at })
			.where('practice_id', '=', row.practice_id)
			.where('retired_at', 'is', null)
			.execute();
		await trx
			.insertInto('practice_norms')
			.values({ ...row, figures: JSON.stringify(row.figures), retired_at: null })
			.execute();
	});
}

/** Goes back to the built-in norms; returns whether any norms were in force. */
export async function retireNormsInForce(db: Db, practiceId: string, at: string): Promise<boolean> {
	const result = await db
		.updateTable('practice_norms')
		.set({ retired_at: at })
		.where('practice_id', '=', practiceId)
		.where('retired_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}
