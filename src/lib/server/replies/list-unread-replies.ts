import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { listUnreadRepliesTo } from './repository.ts';
import { pendingReadMarks } from './threads.ts';

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
	const readMarkPending = pendingReadMarks(ctx);
	const rows = await listUnreadRepliesTo(ctx.db, me);
	const unread: UnreadReplies = { entries: {}, actions: {} };
	for (const row of rows) {
		// Read a moment ago, and the mark is about to be written.
		if (readMarkPending(row.id)) continue;
		if (row.subjectType === 'entry')
			unread.entries[row.subjectId] = (unread.entries[row.subjectId] ?? 0) + 1;
		else if (row.actionId) unread.actions[row.actionId] = (unread.actions[row.actionId] ?? 0) + 1;
	}
	return unread;
}
