import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: data exports (a person's or a practice's ZIP, built by a job) as on 2026-11-29.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
	await db.schema
		.createTable('data_exports')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		// 'person' (everything of theirs) or 'practice' (an admin's export of the practice).
		.addColumn('scope', 'text', (c) => c.notNull())
		.addColumn('practice_id', 'text', (c) => c.references('practices.id').onDelete('cascade'))
		// queued | running | ready | failed
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('progress', 'integer', (c) => c.notNull())
		.addColumn('step', 'text', (c) => c.notNull())
		.addColumn('requested_at', ts, (c) => c.notNull())
		.addColumn('finished_at', ts)
		.addColumn('expires_at', ts)
		.addColumn('downloaded_at', ts)
		.addColumn('size_bytes', 'integer')
		// The ZIP, base64, encrypted with the requester's data key; emptied once used or expired.
		.addColumn('content', 'text')
		.execute();
	// One export in the making per person and scope: a second request loses the race here.
	await db.schema
		.createIndex('data_exports_one_in_progress')
		.on('data_exports')
		.columns(['user_id', 'scope'])
		.unique()
		.where(sql<boolean>`finished_at is null`)
		.execute();
}
