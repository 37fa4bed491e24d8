import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: the coach's workspace (invitations, the roster's read model, replies, coach notes,
// re-assessments, the coach digest) and the client's private calendar feed, as on 2026-11-27.
// Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const ts = dialect === 'postgres' ? 'timestamptz' : 'text';

	// A private calendar feed URL per client; revoking it keeps the row so the old URL answers 404.
	await db.schema
		.createTable('calendar_feeds')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('revoked_at', ts)
		.execute();
	await db.schema
		.createIndex('calendar_feeds_user')
		.on('calendar_feeds')
		.column('user_id')
		.execute();

	// Invitations into a practice: a coach (sent by an admin) or a client (sent by their coach).
	await db.schema
		.createTable('invitations')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('practice_id', 'text', (c) =>
			c.notNull().references('practices.id').onDelete('cascade')
		)
		.addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('coach', 'client')`))
		// For a client: the coach they will work with.
		.addColumn('coach_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
		.addColumn('invited_by', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('expires_at', ts, (c) => c.notNull())
		.addColumn('last_sent_at', ts, (c) => c.notNull())
		.addColumn('send_count', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('accepted_at', ts)
		.addColumn('accepted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('revoked_at', ts)
		.execute();
	await db.schema
		.createIndex('invitations_practice')
		.on('invitations')
		.columns(['practice_id', 'created_at'])
		.execute();

	// The roster's read model: one row per client, refreshed whenever the client's data changes,
	// so the roster reads one row per client instead of two years of history.
	await db.schema
		.createTable('client_summaries')
		.addColumn('client_id', 'text', (c) =>
			c.primaryKey().references('users.id').onDelete('cascade')
		)
		.addColumn('position', 'real')
		.addColumn('previous_position', 'real')
		/** 'reliable' | 'likely' | 'within-noise' (the change from the previous result), or null. */
		.addColumn('change_kind', 'text')
		.addColumn('latest_result_at', ts)
		.addColumn('result_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('last_activity_at', ts)
		.addColumn('last_shared_at', ts)
		.addColumn('last_report_at', ts)
		/** JSON: the open actions' schedules and recently settled occurrences (overdue is computed from it). */
		.addColumn('open_actions', 'text', (c) => c.notNull().defaultTo('[]'))
		/** When the client's coach last opened the client's page. */
		.addColumn('coach_seen_at', ts)
		.addColumn('refreshed_at', ts, (c) => c.notNull())
		.execute();

	// A reply thread on a shared entry or a report-back, between the client and their coach.
	// The body is encrypted with the client's key: it is part of the client's record.
	await db.schema
		.createTable('replies')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('client_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('subject_type', 'text', (c) =>
			c.notNull().check(sql`subject_type in ('entry', 'report')`)
		)
		.addColumn('subject_id', 'text', (c) => c.notNull())
		.addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('read_at', ts)
		.execute();
	await db.schema
		.createIndex('replies_subject')
		.on('replies')
		.columns(['subject_type', 'subject_id', 'created_at'])
		.execute();
	await db.schema
		.createIndex('replies_client')
		.on('replies')
		.columns(['client_id', 'created_at'])
		.execute();

	// The coach's private notes on a client, encrypted with the coach's key; never shown to the client.
	await db.schema
		.createTable('coach_notes')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('client_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('coach_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('updated_at', ts, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('coach_notes_client')
		.on('coach_notes')
		.columns(['client_id', 'coach_id', 'created_at'])
		.execute();

	// A re-assessment the coach asks for by a date; the client is reminded and sees it at home.
	await db.schema
		.createTable('reassessments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('client_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('coach_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		/** YYYY-MM-DD */
		.addColumn('due_on', 'text', (c) => c.notNull())
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('completed_at', ts)
		.addColumn('cancelled_at', ts)
		.execute();
	await db.schema
		.createIndex('reassessments_client')
		.on('reassessments')
		.columns(['client_id', 'due_on'])
		.execute();

	// The coach's digest choice; sends are recorded in reminder_sends (key 'digest:<coach>:<period>').
	await db.schema
		.createTable('digest_settings')
		.addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
		.addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('daily', 'weekly', 'off')`))
		.addColumn('updated_at', ts, (c) => c.notNull())
		.execute();

	// Indexes the summaries are rebuilt from.
	await db.schema
		.createIndex('journal_entries_user_shared')
		.on('journal_entries')
		.columns(['user_id', 'shared_at'])
		.execute();
	await db.schema
		.createIndex('memberships_coach')
		.on('memberships')
		.columns(['coach_id', 'role'])
		.execute();
}
