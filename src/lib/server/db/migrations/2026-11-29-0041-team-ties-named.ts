import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: a partial index on the reliance answers that name a tie, as on 2026-11-29. A team of
// 200 gives 119,400 answers a round, nearly all "never"; the network reads the few that name
// someone without scanning the rest (decision 0034). Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
	await db.schema
		.createIndex('team_ties_named')
		.on('team_ties')
		.columns(['round_id', 'from_user_id', 'to_user_id'])
		.where(sql.ref('level'), '<>', 'never')
		.execute();
}
