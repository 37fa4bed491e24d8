import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: the sessions list, re-authentication and new-device emails, as on 2026-11-29.
// Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const ts = dialect === 'postgres' ? 'timestamptz' : 'text';

	// The browser's own description of itself at sign-in (cut to 300 characters), shown in words.
	await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
	// When this session last proved the person with a password or passkey (sign-in counts).
	await db.schema.alterTable('sessions').addColumn('reauthenticated_at', ts).execute();

	// Browsers that have signed in to an account before: a sign-in from any other sends an email.
	// Keyed by the SHA-256 of a random value kept in a long-lived cookie of that browser.
	await db.schema
		.createTable('known_devices')
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('device_hash', 'text', (c) => c.notNull())
		.addColumn('first_seen_at', ts, (c) => c.notNull())
		.addPrimaryKeyConstraint('known_devices_pk', ['user_id', 'device_hash'])
		.execute();
}
