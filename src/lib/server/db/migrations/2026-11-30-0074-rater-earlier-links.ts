import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: the links a rater was emailed before the latest one, as on 2026-11-30. A reminder
// emails a new link (only hashes are kept, so the first cannot be sent again); the earlier ones
// keep working, so a rater who opens the first email is not told their link is broken. No times:
// nothing can tell when a rater was reminded or answered. Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
	await db.schema
		.createTable('feedback_rater_links')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('rater_id', 'text', (c) =>
			c.notNull().references('feedback_raters.id').onDelete('cascade')
		)
		.execute();
	await db.schema
		.createIndex('feedback_rater_links_rater')
		.on('feedback_rater_links')
		.column('rater_id')
		.execute();
}
