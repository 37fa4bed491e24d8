import { sealEmail, sealReportText, sealWhat } from '../actions/sealed-action.ts';
import { sealComment, sealSentTo } from '../counterpart/sealed-confirmation.ts';
import { isSealed, ownerCiphers } from '../crypto/sealed-fields.ts';
import type { MasterKey } from '../crypto/master-key.ts';
import type { Db } from '../db/create-db.ts';
import {
	hasPendingMark,
	listActionTexts,
	listConfirmationTexts,
	listReportTexts,
	removePendingMark,
	replaceActionTexts,
	replaceConfirmationTexts,
	replaceReportTexts
} from './repository.ts';

const plain = (v: string | null) => v !== null && !isSealed(v);

/**
 * The step after migration 0048 that needs the master key (decision 0037): encrypts, with each
 * owner's data key, the action wording, addresses, notes and comments written before they were
 * encrypted at rest. Run by createAppContext (so by the app at start, every CLI command that
 * opens the context, and the tests); a no-op once its mark is gone. Each row is replaced by a
 * compare-and-set, so two processes starting together never encrypt a value twice.
 */
export async function sealPendingFields(db: Db, master: MasterKey): Promise<number> {
	if (!(await hasPendingMark(db))) return 0;
	const cipherOf = ownerCiphers({ db, masterKey: master });
	let sealed = 0;
	for (const row of await listActionTexts(db)) {
		if (!plain(row.what) && !plain(row.with_email)) continue;
		const cipher = await cipherOf(row.user_id);
		await replaceActionTexts(db, row.id, row, {
			what: plain(row.what) ? sealWhat(cipher, row.id, row.what) : row.what,
			with_email: plain(row.with_email) ? sealEmail(cipher, row.id, row.with_email) : row.with_email
		});
		sealed++;
	}
	for (const row of await listReportTexts(db)) {
		if (!plain(row.note) && !plain(row.happened)) continue;
		const next = sealReportText(await cipherOf(row.user_id), row);
		await replaceReportTexts(db, row.id, row, {
			note: plain(row.note) ? next.note : row.note,
			happened: plain(row.happened) ? next.happened : row.happened
		});
		sealed++;
	}
	for (const row of await listConfirmationTexts(db)) {
		if (!plain(row.sent_to) && !plain(row.comment)) continue;
		const cipher = await cipherOf(row.user_id);
		await replaceConfirmationTexts(db, row.id, row, {
			sent_to: plain(row.sent_to) ? sealSentTo(cipher, row.id, row.sent_to) : row.sent_to,
			comment: plain(row.comment) ? sealComment(cipher, row.id, row.comment) : row.comment
		});
		sealed++;
	}
	await removePendingMark(db);
	return sealed;
}
