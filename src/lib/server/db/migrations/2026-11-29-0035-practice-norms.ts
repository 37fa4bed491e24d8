import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: a practice's own norms (issue 15, decision 0032) as on 2026-11-29. Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
	// Every adoption is kept: a result names the norms it was scored with by id, for ever.
	await db.schema
		.createTable('practice_norms')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('practice_id', 'text', (c) =>
			c.notNull().references('practices.id').onDelete('cascade')
		)
		// How many clean results the pooled figures rest on (at least 200).
		.addColumn('respondents', 'integer', (c) => c.notNull())
		// JSON { cellSd, cellAlpha, cellCorrelation }: pooled figures only, never a person's answers.
		.addColumn('figures', 'text', (c) => c.notNull())
		.addColumn('adopted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('adopted_at', ts, (c) => c.notNull())
		// Set when the practice adopts newer norms or goes back to the built-in ones.
		.addColumn('retired_at', ts)
		.execute();
	await sql`create unique index practice_norms_one_in_force on practice_norms (practice_id) where retired_at is null`.execute(
		db
	);
}
