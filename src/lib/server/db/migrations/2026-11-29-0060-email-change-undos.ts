import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: the 7-day undo of an email change, as on 2026-11-29. Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
	// The link sent to the old address once the change is made; SHA-256 of its token only.
	await db.schema
		.createTable('email_change_undos')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('old_email', 'text', (c) => c.notNull())
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('expires_at', ts, (c) => c.notNull())
		.addColumn('used_at', ts)
		.execute();
	await db.schema
		.createIndex('email_change_undos_user')
		.on('email_change_undos')
		.column('user_id')
		.execute();
}
