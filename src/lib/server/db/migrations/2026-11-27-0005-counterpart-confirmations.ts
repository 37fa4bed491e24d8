import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: the other person's confirmation links as they were on 2026-11-27. Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
	await db.schema
		.createTable('counterpart_confirmations')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('action_id', 'text', (c) => c.notNull().references('actions.id').onDelete('cascade'))
		// SHA-256 of the emailed link's token: single use, expiring.
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('sent_to', 'text', (c) => c.notNull())
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('expires_at', ts, (c) => c.notNull())
		.addColumn('answered_at', ts)
		.addColumn('happened', 'text')
		.addColumn('mutuality', 'integer')
		.addColumn('comment', 'text')
		.execute();
	await db.schema
		.createIndex('counterpart_confirmations_action')
		.on('counterpart_confirmations')
		.column('action_id')
		.execute();
}
