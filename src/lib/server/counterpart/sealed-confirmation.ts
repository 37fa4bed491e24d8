import type { LazyCipher, UserCipher } from '../crypto/field-crypto.ts';
import { openOptional } from '../crypto/sealed-fields.ts';

// The other person's address and comment are encrypted with the action owner's data key
// (decision 0037): a copy of the database shows neither who was asked nor what they said.
const at = (column: 'sent_to' | 'comment', id: string) => ({
	table: 'counterpart_confirmations',
	column,
	rowId: id
});

export const sealSentTo = (cipher: UserCipher, id: string, email: string) =>
	cipher.encrypt(at('sent_to', id), email);

export const sealComment = (cipher: UserCipher, id: string, comment: string | null) =>
	comment === null ? null : cipher.encrypt(at('comment', id), comment);

/** Rows of one owner's links (or answers), address and comment opened. */
export async function openAnswers<
	T extends { id: string; comment: string | null; sentTo?: string }
>(ownerCipher: LazyCipher, rows: readonly T[]): Promise<T[]> {
	if (rows.length === 0) return [];
	const cipher = await ownerCipher();
	return rows.map((r) => ({
		...r,
		comment: openOptional(cipher, at('comment', r.id), r.comment),
		...(r.sentTo === undefined
			? {}
			: { sentTo: openOptional(cipher, at('sent_to', r.id), r.sentTo) })
	}));
}
