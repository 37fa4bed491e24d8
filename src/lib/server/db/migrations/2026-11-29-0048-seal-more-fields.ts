import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

/**
 * Action wording, the other person's address, report-back notes and the other person's comments
 * join encryption at rest (decision 0037). A migration cannot hold the master key, so it only
 * leaves a mark: the app at start, and every CLI command that opens the app's context, seals the
 * rows written before (src/lib/server/at-rest/seal-pending-fields.ts) and then removes the mark.
 * Kysely<any> on purpose.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
	await db
		.insertInto('app_meta')
		.values({
			name: 'seal_pending_0048',
			value: 'actions, action_reports, counterpart_confirmations'
		})
		.execute();
}
