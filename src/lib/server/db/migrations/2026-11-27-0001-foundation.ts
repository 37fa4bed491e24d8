import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: this file describes the schema as it was on 2026-11-27. Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
	const serial = dialect === 'postgres' ? 'bigserial' : 'integer';

	await db.schema
		.createTable('users')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('coach', 'client')`))
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('password_changed_at', ts, (c) => c.notNull())
		.addColumn('email_verified_at', ts)
		.execute();

	await db.schema
		.createTable('practices')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('created_at', ts, (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('memberships')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('practice_id', 'text', (c) =>
			c.notNull().references('practices.id').onDelete('cascade')
		)
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'coach', 'client')`))
		.addColumn('coach_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', ts, (c) => c.notNull())
		.addUniqueConstraint('memberships_practice_user_role', ['practice_id', 'user_id', 'role'])
		.execute();
	await db.schema.createIndex('memberships_user').on('memberships').column('user_id').execute();
	// A client belongs to at most one practice at a time.
	await sql`create unique index memberships_one_practice_per_client on memberships (user_id) where role = 'client'`.execute(
		db
	);

	await db.schema
		.createTable('sessions')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('last_seen_at', ts, (c) => c.notNull())
		.addColumn('expires_at', ts, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

	await db.schema
		.createTable('email_tokens')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('purpose', 'text', (c) =>
			c.notNull().check(sql`purpose in ('confirm-email', 'reset-password')`)
		)
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('expires_at', ts, (c) => c.notNull())
		.addColumn('used_at', ts)
		.execute();

	await db.schema
		.createTable('auth_attempts')
		.addColumn('id', serial, (c) =>
			dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()
		)
		.addColumn('bucket', 'text', (c) => c.notNull())
		.addColumn('attempted_at', ts, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('auth_attempts_bucket_time')
		.on('auth_attempts')
		.columns(['bucket', 'attempted_at'])
		.execute();

	await db.schema
		.createTable('dev_mailbox')
		.addColumn('id', serial, (c) =>
			dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()
		)
		.addColumn('to_address', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('text_body', 'text', (c) => c.notNull())
		.addColumn('html_body', 'text')
		.addColumn('created_at', ts, (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('jobs')
		.addColumn('id', serial, (c) =>
			dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()
		)
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('payload', 'text', (c) => c.notNull())
		.addColumn('run_at', ts, (c) => c.notNull())
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('locked_until', ts)
		.addColumn('done_at', ts)
		.addColumn('failed_at', ts)
		.addColumn('last_error', 'text')
		.addColumn('created_at', ts, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('jobs_due')
		.on('jobs')
		.columns(['done_at', 'failed_at', 'run_at'])
		.execute();
}
