import type { LazyCipher, UserCipher } from '../crypto/field-crypto.ts';
import { openField, openOptional } from '../crypto/sealed-fields.ts';
import type { ActionRow, ReportRow } from './repository.ts';

// Encrypted at rest with the owner's data key (decisions 0010, 0037): what the action is, the
// other person's email address, and each report-back's text (what happened, and the note).
const whatAt = (id: string) => ({ table: 'actions', column: 'what', rowId: id });
const emailAt = (id: string) => ({ table: 'actions', column: 'with_email', rowId: id });
/** A report-back is addressed by its action and occurrence: an upsert racing another keeps either id. */
const reportAt = (r: Pick<ReportRow, 'action_id' | 'occurrence'>, column: 'note' | 'happened') => ({
	table: 'action_reports',
	column,
	rowId: `${r.action_id}:${r.occurrence}`
});

export const sealWhat = (cipher: UserCipher, id: string, what: string) =>
	cipher.encrypt(whatAt(id), what);

export const sealEmail = (cipher: UserCipher, id: string, email: string | null) =>
	email === null ? null : cipher.encrypt(emailAt(id), email);

export function sealAction(cipher: UserCipher, row: ActionRow): ActionRow {
	return {
		...row,
		what: sealWhat(cipher, row.id, row.what),
		with_email: sealEmail(cipher, row.id, row.with_email)
	};
}

export function openAction(cipher: UserCipher, row: ActionRow): ActionRow {
	return {
		...row,
		what: openField(cipher, whatAt(row.id), row.what),
		with_email: openOptional(cipher, emailAt(row.id), row.with_email)
	};
}

/** Actions opened with their owner's key (`ownerCiphers`, or one person's lazy cipher). */
export async function openActions<T extends ActionRow>(
	cipherOf: (userId: string) => Promise<UserCipher>,
	rows: readonly T[]
): Promise<T[]> {
	const opened: T[] = [];
	for (const row of rows) opened.push({ ...row, ...openAction(await cipherOf(row.user_id), row) });
	return opened;
}

type ReportText = Pick<ReportRow, 'action_id' | 'occurrence' | 'note' | 'happened'>;

/** A report-back's free text (what happened, and the note) sealed with the owner's key. */
export const sealReportText = <T extends ReportText>(cipher: UserCipher, row: T): T => ({
	...row,
	note: row.note === null ? null : cipher.encrypt(reportAt(row, 'note'), row.note),
	happened: row.happened === null ? null : cipher.encrypt(reportAt(row, 'happened'), row.happened)
});

export const openReportText = <T extends ReportText>(cipher: UserCipher, row: T): T => ({
	...row,
	note: openOptional(cipher, reportAt(row, 'note'), row.note),
	happened: openOptional(cipher, reportAt(row, 'happened'), row.happened)
});

/** The report-backs of one owner's actions, notes opened. */
export async function openReports(
	ownerCipher: LazyCipher,
	rows: readonly ReportRow[]
): Promise<ReportRow[]> {
	if (!rows.some((r) => r.note !== null || r.happened !== null)) return [...rows];
	const cipher = await ownerCipher();
	return rows.map((r) => openReportText(cipher, r));
}

/** An action's wording read on its own (a join elsewhere), with its owner's cipher. */
export const openWhat = (cipher: UserCipher, actionId: string, stored: string) =>
	openField(cipher, whatAt(actionId), stored);
