import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: keys and the journal as they were on 2026-11-27. Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
	await db.schema
		.createTable('app_meta')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.execute();
	// Each person's data key, wrapped by the master key. Deleting the person deletes the key,
	// which leaves everything encrypted with it unreadable.
	await db.schema
		.createTable('user_keys')
		.addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
		.addColumn('key_id', 'text', (c) => c.notNull())
		.addColumn('wrapped_key', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('journal_entries')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('step', 'text', (c) => c.notNull())
		.addColumn('prompt_id', 'text', (c) => c.notNull())
		// v1:keyId:iv:ciphertext:tag, with journal_entries:body:<id> as associated data.
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('domains', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('disciplines', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('shared_at', ts)
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('updated_at', ts, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('journal_entries_user')
		.on('journal_entries')
		.columns(['user_id', 'updated_at'])
		.execute();
}
