import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: the security log and passkeys, as on 2026-11-29. Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const ts = dialect === 'postgres' ? 'timestamptz' : 'text';

	// Append-only: what happened to the security of an account, when, and on which device (in
	// words). No secret, no address, no private text.
	await db.schema
		.createTable('security_events')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('at', ts, (c) => c.notNull())
		.addColumn('device', 'text')
		.execute();
	await db.schema
		.createIndex('security_events_user_at')
		.on('security_events')
		.columns(['user_id', 'at'])
		.execute();

	// WebAuthn credentials: the public key only (the private key never leaves the authenticator).
	await db.schema
		.createTable('passkeys')
		.addColumn('id', 'text', (c) => c.primaryKey()) // the credential id, base64url
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('public_key', 'text', (c) => c.notNull()) // base64url COSE key
		.addColumn('counter', 'bigint', (c) => c.notNull())
		.addColumn('transports', 'text', (c) => c.notNull()) // JSON array
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('last_used_at', ts)
		.execute();
	await db.schema.createIndex('passkeys_user').on('passkeys').column('user_id').execute();

	// A challenge handed to a browser for one passkey ceremony; used once, within 5 minutes.
	await db.schema
		.createTable('webauthn_challenges')
		.addColumn('challenge', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
		.addColumn('purpose', 'text', (c) => c.notNull()) // 'register' | 'sign-in' | 'confirm'
		.addColumn('expires_at', ts, (c) => c.notNull())
		.execute();
}
