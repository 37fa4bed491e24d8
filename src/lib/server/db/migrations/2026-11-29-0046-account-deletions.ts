import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: accounts waiting out their grace period before deletion, as on 2026-11-29.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
	// A row exists only while a deletion waits; undo removes it, the deletion removes the person.
	await db.schema
		.createTable('account_deletions')
		.addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
		.addColumn('requested_at', ts, (c) => c.notNull())
		.addColumn('delete_after', ts, (c) => c.notNull())
		.execute();
}
