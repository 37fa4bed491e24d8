import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Finished jobs no longer keep their payload (docs/decisions/0025): emails sent before then still
// held whole reset, confirmation and invitation links. Forget them. Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
	await db
		.updateTable('jobs')
		.set({ payload: '{}' })
		.where((eb) => eb.or([eb('done_at', 'is not', null), eb('failed_at', 'is not', null)]))
		.execute();
}
