import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: the assessments table as it was on 2026-11-27. Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
	const real = dialect === 'postgres' ? 'double precision' : 'real';
	await db.schema
		.createTable('assessments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('instrument_version', 'text', (c) => c.notNull())
		// The next page to show (0-based); equals the page count once every page is saved.
		.addColumn('next_page', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('answers', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('page_timings', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('page_shown_at', ts)
		.addColumn('started_at', ts, (c) => c.notNull())
		.addColumn('updated_at', ts, (c) => c.notNull())
		.addColumn('completed_at', ts)
		// The score as computed at completion (JSON), and the two headline figures for lists.
		.addColumn('result', 'text')
		.addColumn('position', real)
		.addColumn('balance', real)
		.addColumn('flagged_at', ts)
		.execute();
	await db.schema
		.createIndex('assessments_user_completed')
		.on('assessments')
		.columns(['user_id', 'completed_at'])
		.execute();
	// One open assessment per person: a retake resumes it instead of starting a second.
	await sql`create unique index assessments_one_open on assessments (user_id) where completed_at is null`.execute(
		db
	);
}
