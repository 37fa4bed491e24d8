import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: where a session signed in from, as a proxy named it, as on 2026-11-29. Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
	// Only what the proxy's header said (PLACE_HEADER), e.g. a country code; null without one.
	await db.schema.alterTable('sessions').addColumn('place', 'text').execute();
}
