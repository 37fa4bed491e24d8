import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: the cached structure check of a practice's results (issue 15, decision 0032) as on
// 2026-11-29. Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
	await db.schema
		.createTable('practice_validity')
		.addColumn('practice_id', 'text', (c) =>
			c.primaryKey().references('practices.id').onDelete('cascade')
		)
		// pending | done | failed
		.addColumn('status', 'text', (c) => c.notNull())
		// A digest of the results the figures are (to be) computed from: a new one means stale.
		.addColumn('basis', 'text', (c) => c.notNull())
		.addColumn('respondents', 'integer', (c) => c.notNull())
		// JSON ValidityFigures when done (pooled: fit indices, alphas, omegas, item-total r).
		.addColumn('figures', 'text')
		// Why it failed, in plain words (e.g. R is not installed on this server).
		.addColumn('message', 'text')
		.addColumn('requested_at', ts, (c) => c.notNull())
		.addColumn('computed_at', ts)
		.execute();
}
