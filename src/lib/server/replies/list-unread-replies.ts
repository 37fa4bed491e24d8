import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';

export interface UnreadReplies {
	/** Journal entry id → replies from the coach not yet read. */
	entries: Record<string, number>;
	/** Action id → replies from the coach on its report-backs not yet read. */
	actions: Record<string, number>;
}

/**
 * What the coach has said that the client has not read yet, for marks on the client's own
 * journal and actions lists. Only the person's own record, only counts (no text is decrypted).
 */
export async function listUnreadReplies(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor }
): Promise<UnreadReplies> {
	const me = input.actor.userId;
	const rows = await ctx.db
		.selectFrom('replies as r')
		.leftJoin('action_reports as ar', (join) =>
			join.onRef('ar.id', '=', 'r.subject_id').on('r.subject_type', '=', 'report')
		)
		.select(['r.subject_type', 'r.subject_id', 'ar.action_id'])
		.where('r.client_id', '=', me)
		.where('r.author_id', '!=', me)
		.where('r.read_at', 'is', null)
		.execute();
	const unread: UnreadReplies = { entries: {}, actions: {} };
	for (const row of rows) {
		if (row.subject_type === 'entry')
			unread.entries[row.subject_id] = (unread.entries[row.subject_id] ?? 0) + 1;
		else if (row.action_id)
			unread.actions[row.action_id] = (unread.actions[row.action_id] ?? 0) + 1;
	}
	return unread;
}
