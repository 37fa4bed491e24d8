import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: a coach's suggestion that their client ask for feedback, as on 2026-11-29.
// Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
	await db.schema
		.createTable('feedback_suggestions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('client_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('coach_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_at', ts, (c) => c.notNull())
		// Set when the client starts a round or says "not now"; the coach learns neither which.
		.addColumn('answered_at', ts)
		.execute();
	await db.schema
		.createIndex('feedback_suggestions_client')
		.on('feedback_suggestions')
		.columns(['client_id', 'answered_at'])
		.execute();
}
