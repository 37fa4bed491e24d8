import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: reminder settings and the record of reminders sent, as on 2026-11-27. Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
	await db.schema
		.createTable('reminder_settings')
		.addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
		.addColumn('mode', 'text', (c) => c.notNull())
		.addColumn('updated_at', ts, (c) => c.notNull())
		.execute();
	// One row per reminder ever sent. Its unique key is what makes a reminder go out exactly once,
	// however many app processes look for due report-backs at the same moment.
	await db.schema
		.createTable('reminder_sends')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('sent_at', ts, (c) => c.notNull())
		.execute();
}
