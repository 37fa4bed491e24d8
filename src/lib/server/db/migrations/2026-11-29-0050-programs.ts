import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: programs, their published versions, enrolments and their steps, and each practice's
// progress thresholds (decision 0038), as on 2026-11-29. Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
	await db.schema
		.createTable('programs')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('practice_id', 'text', (c) =>
			c.notNull().references('practices.id').onDelete('cascade')
		)
		// The coach who wrote it; kept as a name-less id if they leave (the program stays).
		.addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('title', 'text', (c) => c.notNull())
		// JSON ProgramDocument (domain/programs/schema.ts): the version being edited.
		.addColumn('draft', 'text', (c) => c.notNull())
		// Set while an admin makes it available to every coach of the practice.
		.addColumn('shared_at', ts)
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('updated_at', ts, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('programs_practice').on('programs').column('practice_id').execute();

	await db.schema
		.createTable('program_versions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('program_id', 'text', (c) =>
			c.notNull().references('programs.id').onDelete('cascade')
		)
		.addColumn('number', 'integer', (c) => c.notNull())
		// JSON ProgramDocument, never changed once written.
		.addColumn('document', 'text', (c) => c.notNull())
		.addColumn('published_at', ts, (c) => c.notNull())
		.addUniqueConstraint('program_versions_number', ['program_id', 'number'])
		.execute();

	await db.schema
		.createTable('enrolments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		// Null for the built-in program, which a self-guided client starts on their own.
		.addColumn('version_id', 'text', (c) => c.references('program_versions.id'))
		.addColumn('enrolled_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('start_at', ts, (c) => c.notNull())
		// active | paused | ended
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('paused_at', ts)
		.addColumn('resumed_at', ts)
		.addColumn('ended_at', ts)
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('last_activity_at', ts, (c) => c.notNull())
		// The progress last reported (domain/programs/progress.ts), so the digest can tell a change.
		.addColumn('reported_progress', 'text')
		.execute();
	// One enrolment at a time per person: enrolling twice loses the race here, not in two rows.
	await db.schema
		.createIndex('enrolments_one_open')
		.on('enrolments')
		.column('user_id')
		.unique()
		.where(sql.ref('ended_at'), 'is', null)
		.execute();

	await db.schema
		.createTable('enrolment_steps')
		.addColumn('enrolment_id', 'text', (c) =>
			c.notNull().references('enrolments.id').onDelete('cascade')
		)
		.addColumn('step_id', 'text', (c) => c.notNull())
		.addColumn('completed_at', ts, (c) => c.notNull())
		// done | moved-on (the coach moved the person past it)
		.addColumn('how', 'text', (c) => c.notNull())
		// A check-in's answer, encrypted with the client's key.
		.addColumn('answer', 'text')
		.addPrimaryKeyConstraint('enrolment_steps_pk', ['enrolment_id', 'step_id'])
		.execute();

	await db.schema
		.createTable('program_settings')
		.addColumn('practice_id', 'text', (c) =>
			c.primaryKey().references('practices.id').onDelete('cascade')
		)
		.addColumn('at_risk_days', 'integer', (c) => c.notNull())
		.addColumn('off_track_days', 'integer', (c) => c.notNull())
		.addColumn('inactive_days', 'integer', (c) => c.notNull())
		.addColumn('updated_at', ts, (c) => c.notNull())
		.execute();
}
