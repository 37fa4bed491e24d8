import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: actions and their report-backs as they were on 2026-11-27. Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
	const real = dialect === 'postgres' ? 'double precision' : 'real';
	await db.schema
		.createTable('actions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('what', 'text', (c) => c.notNull())
		.addColumn('with_name', 'text', (c) => c.notNull())
		.addColumn('with_email', 'text')
		.addColumn('domain', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('discipline', 'text', (c) => c.notNull())
		// Either a due date (YYYY-MM-DD) or a weekly rhythm (ISO weekday 1–7), never both.
		.addColumn('due_on', 'text')
		.addColumn('weekday', 'integer')
		// The day the schedule was set: a rhythm's first occurrence is the weekday after it.
		.addColumn('starts_on', 'text', (c) => c.notNull())
		.addColumn('paused_until', 'text')
		.addColumn('suggestion_id', 'text')
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('updated_at', ts, (c) => c.notNull())
		.addColumn('closed_at', ts)
		.addCheckConstraint('actions_one_schedule', sql`(due_on is null) <> (weekday is null)`)
		.execute();
	await db.schema
		.createIndex('actions_user_open')
		.on('actions')
		.columns(['user_id', 'closed_at'])
		.execute();
	await db.schema
		.createTable('action_reports')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('action_id', 'text', (c) => c.notNull().references('actions.id').onDelete('cascade'))
		// The occurrence this answers (YYYY-MM-DD): one row per occurrence, so a second report for
		// the same one updates the first.
		.addColumn('occurrence', 'text', (c) => c.notNull())
		// Null when the occurrence was skipped; then skipped_at says when.
		.addColumn('outcome', 'text')
		.addColumn('happened', 'text')
		.addColumn('mutuality', 'integer')
		.addColumn('compared', 'text')
		.addColumn('measure', real)
		.addColumn('measure_label', 'text')
		.addColumn('note', 'text')
		.addColumn('skipped_at', ts)
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('updated_at', ts, (c) => c.notNull())
		.addUniqueConstraint('action_reports_one_per_occurrence', ['action_id', 'occurrence'])
		.execute();
}
