import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: the coach's last look at a client before the visit in progress, so a reload compares
// with the previous visit rather than with itself; as on 2026-11-29. Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
	await db.schema.alterTable('client_summaries').addColumn('coach_previous_visit_at', ts).execute();
}
