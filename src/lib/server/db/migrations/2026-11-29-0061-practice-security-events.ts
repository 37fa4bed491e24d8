import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: staff events of a practice in the security log, as on 2026-11-29. Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
	// The practice an event belongs to (staff changes, its exports) and who did it: plain ids,
	// no foreign keys, so the log outlives a removed person (append-only, decision 0031).
	await db.schema.alterTable('security_events').addColumn('practice_id', 'text').execute();
	await db.schema.alterTable('security_events').addColumn('actor_id', 'text').execute();
	await db.schema
		.createIndex('security_events_practice_at')
		.on('security_events')
		.columns(['practice_id', 'at'])
		.execute();
}
