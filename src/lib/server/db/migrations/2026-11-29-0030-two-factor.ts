import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: two-step sign-in (TOTP and recovery codes), as on 2026-11-29. Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const ts = dialect === 'postgres' ? 'timestamptz' : 'text';

	// One authenticator app per person. The secret is encrypted with the person's data key; it is
	// in use once enabled_at is set (before that, enrolment is waiting for a first code).
	await db.schema
		.createTable('totp_factors')
		.addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
		.addColumn('secret_encrypted', 'text', (c) => c.notNull())
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('enabled_at', ts)
		// The time step of the last code accepted: a code for that step or an earlier one is refused.
		.addColumn('last_step', 'integer')
		.execute();

	// Ten single-use codes; only a SHA-256 of each (80 random bits) is kept.
	await db.schema
		.createTable('recovery_codes')
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('code_hash', 'text', (c) => c.notNull())
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('used_at', ts)
		.addPrimaryKeyConstraint('recovery_codes_pk', ['user_id', 'code_hash'])
		.execute();

	// Between a right password and a right second factor: not a session, it opens nothing.
	await db.schema
		.createTable('pending_sign_ins')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('expires_at', ts, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('pending_sign_ins_user')
		.on('pending_sign_ins')
		.column('user_id')
		.execute();

	// A practice admin's rule: staff must have a second factor. Set = when it was turned on.
	await db.schema.alterTable('practices').addColumn('second_factor_required_at', ts).execute();
}
