import type { PersonExport } from '../../domain/export/person-export-schema.ts';
import type { AppContext } from '../context.ts';
import { userCipher } from '../crypto/field-crypto.ts';
import { listReplies } from '../replies/repository.ts';
import { replyAddress } from '../replies/threads.ts';

/**
 * Every reply in the person's threads (theirs and their coach's), decrypted with their key.
 * Read without the "seen" marks a page view queues: exporting is not reading.
 */
export async function readPersonReplies(
	ctx: Pick<AppContext, 'db' | 'masterKey'>,
	input: { userId: string; entryIds: string[]; reportIds: string[] }
): Promise<PersonExport['replies']> {
	const rows = [
		...(await listReplies(ctx.db, input.userId, 'entry', input.entryIds)),
		...(await listReplies(ctx.db, input.userId, 'report', input.reportIds))
	];
	if (rows.length === 0) return [];
	const cipher = await userCipher(ctx.db, ctx.masterKey, input.userId);
	return rows.map((row) => ({
		id: row.id,
		on: row.subject_type,
		subjectId: row.subject_id,
		byYou: row.author_id === input.userId,
		text: cipher.decrypt(replyAddress(row.id), row.body),
		createdAt: row.created_at
	}));
}
