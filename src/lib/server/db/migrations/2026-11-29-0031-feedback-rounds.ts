import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: feedback rounds (raters per domain, J7) as on 2026-11-29. Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
	await db.schema
		.createTable('feedback_rounds')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('opened_at', ts, (c) => c.notNull())
		.addColumn('closes_at', ts, (c) => c.notNull())
		.addColumn('closed_at', ts)
		// Set while the client shares this round's result with their coach.
		.addColumn('shared_at', ts)
		// JSON Release (domain/feedback/pooling.ts), written once when the round closes.
		.addColumn('released', 'text')
		.execute();
	await db.schema
		.createIndex('feedback_rounds_user')
		.on('feedback_rounds')
		.columns(['user_id', 'opened_at'])
		.execute();

	// One row per person asked. No times of their own: nothing can tell when a rater answered.
	await db.schema
		.createTable('feedback_raters')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('round_id', 'text', (c) =>
			c.notNull().references('feedback_rounds.id').onDelete('cascade')
		)
		.addColumn('domain', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('email', 'text', (c) => c.notNull())
		// SHA-256 of the emailed link's token: works until the form is sent or the round closes.
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		// invited | sent | declined
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('answers', 'text', (c) => c.notNull())
		.addColumn('next_page', 'integer', (c) => c.notNull())
		.addColumn('comment', 'text')
		.addColumn('decline_reason', 'text')
		.addUniqueConstraint('feedback_raters_round_email', ['round_id', 'email'])
		.execute();

	// Addresses that asked never to be emailed a request again, kept as a hash of the address.
	await db.schema
		.createTable('feedback_opt_outs')
		.addColumn('email_hash', 'text', (c) => c.primaryKey())
		.addColumn('created_at', ts, (c) => c.notNull())
		.execute();
}
