import type { AppContext } from '../context.ts';
import { userCipher, type LazyCipher } from '../crypto/field-crypto.ts';
import type { ReplySubject } from '../db/types.ts';
import { deferMark, pendingMarks, type MarkKind } from '../deferred/deferred-marks.ts';
import { listReplies, markRepliesRead } from './repository.ts';

/** A reply can hold this many characters (the form says so). */
export const REPLY_BODY_MAX = 5_000;

export const replyAddress = (id: string) => ({ table: 'replies', column: 'body', rowId: id });

export interface ReplyView {
	id: string;
	/** True when the client wrote it; otherwise their coach did. */
	byClient: boolean;
	body: string;
	createdAt: string;
	/** New to the reader: written by the other person and not seen before this view. */
	isNew: boolean;
}

/** "The reader saw this reply", written just after the page is sent (see deferred-marks). */
const replyRead: MarkKind<string> = {
	name: 'reply read',
	async write(db, marks) {
		const last = [...marks.values()].reduce((a, b) => (b > a ? b : a));
		await markRepliesRead(db, [...marks.keys()], last);
	}
};

/**
 * Which replies this process has marked read and not written yet; take it before reading replies
 * from the database.
 */
export function pendingReadMarks(ctx: Pick<AppContext, 'db'>): (replyId: string) => boolean {
	const pending = pendingMarks(ctx, replyRead);
	return (replyId) => pending(replyId) !== undefined;
}

/**
 * The threads on some subjects of one client, decrypted, keyed by subject id. Reading them queues
 * the mark that the reader saw what the other person wrote. Callers check the policy first.
 */
export async function readThreads(
	ctx: Pick<AppContext, 'db' | 'masterKey' | 'now' | 'log'>,
	input: {
		readerId: string;
		clientId: string;
		subjectType: ReplySubject;
		subjectIds: readonly string[];
		/** The client's cipher when the caller already has it (one key lookup per request). */
		cipher?: LazyCipher;
	}
): Promise<Map<string, ReplyView[]>> {
	const threads = new Map<string, ReplyView[]>();
	const readMarkPending = pendingReadMarks(ctx);
	const rows = await listReplies(ctx.db, input.clientId, input.subjectType, input.subjectIds);
	if (rows.length === 0) return threads;
	const cipher = await (input.cipher?.() ?? userCipher(ctx.db, ctx.masterKey, input.clientId));
	const at = ctx.now().toISOString();
	for (const row of rows) {
		const isNew =
			row.author_id !== input.readerId && row.read_at === null && !readMarkPending(row.id);
		if (isNew) deferMark(ctx, replyRead, row.id, at);
		const list = threads.get(row.subject_id) ?? [];
		list.push({
			id: row.id,
			byClient: row.author_id === input.clientId,
			body: cipher.decrypt(replyAddress(row.id), row.body),
			createdAt: row.created_at,
			isNew
		});
		threads.set(row.subject_id, list);
	}
	return threads;
}
