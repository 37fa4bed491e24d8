import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: changing the email address of an account, as on 2026-11-29. Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const ts = dialect === 'postgres' ? 'timestamptz' : 'text';

	// A change waiting for its link (sent to the new address) to be used. Only the SHA-256 of
	// the link's token is kept; the address changes only when the link is used.
	await db.schema
		.createTable('email_changes')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('new_email', 'text', (c) => c.notNull())
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('expires_at', ts, (c) => c.notNull())
		.addColumn('used_at', ts)
		.execute();
	await db.schema.createIndex('email_changes_user').on('email_changes').column('user_id').execute();
}
