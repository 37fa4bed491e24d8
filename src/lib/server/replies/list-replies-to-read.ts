import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { listUnreadRepliesWithSubjects } from './repository.ts';
import { pendingReadMarks } from './threads.ts';
import { openWhat } from '../actions/sealed-action.ts';
import { lazyCipher } from '../crypto/field-crypto.ts';

export type ReplyToRead =
	| { on: 'entry'; entryId: string; writtenAt: string; count: number }
	| { on: 'action'; actionId: string; what: string; count: number };

/**
 * What the coach said that the client has not read yet, one line per journal entry or action,
 * the most recent reply first: for the client's home. Only the person's own record.
 */
export async function listRepliesToRead(
	ctx: Pick<AppContext, 'db' | 'masterKey'>,
	input: { actor: Actor }
): Promise<ReplyToRead[]> {
	const readMarkPending = pendingReadMarks(ctx);
	const rows = await listUnreadRepliesWithSubjects(ctx.db, input.actor.userId);
	const bySubject = new Map<string, ReplyToRead>();
	// The actions are the reader's own: their key opens each action's wording.
	const cipher = lazyCipher(ctx.db, ctx.masterKey, input.actor.userId);
	for (const row of rows) {
		// Read a moment ago, and the mark is about to be written.
		if (readMarkPending(row.id)) continue;
		const key = row.subjectType === 'entry' ? `entry ${row.subjectId}` : `action ${row.actionId}`;
		const known = bySubject.get(key);
		if (known) known.count++;
		else if (row.subjectType === 'entry' && row.entryWrittenAt)
			bySubject.set(key, {
				on: 'entry',
				entryId: row.subjectId,
				writtenAt: row.entryWrittenAt,
				count: 1
			});
		else if (row.actionId && row.actionWhat !== null)
			bySubject.set(key, {
				on: 'action',
				actionId: row.actionId,
				what: openWhat(await cipher(), row.actionId, row.actionWhat),
				count: 1
			});
	}
	return [...bySubject.values()];
}
