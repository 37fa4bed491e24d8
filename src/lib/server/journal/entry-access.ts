import { DomainError } from '../../domain/errors.ts';
import { answeredBy, type Answered } from '../../domain/programs/content-now.ts';
import { can, type Action, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { userCipher, type LazyCipher } from '../crypto/field-crypto.ts';
import { findEntry, type JournalRow } from './repository.ts';

export const JOURNAL_BODY_MAX = 20_000;

export interface JournalEntry {
	id: string;
	step: JournalRow['step'];
	promptId: string;
	/** The prompt it answers, as its pages show it (a program's own, or a built-in one). */
	answered: Answered;
	body: string;
	domains: string[];
	disciplines: string[];
	revision: number;
	sharedAt: string | null;
	createdAt: string;
	updatedAt: string;
}

export const bodyAddress = (id: string) => ({
	table: 'journal_entries',
	column: 'body',
	rowId: id
});

/** A row the actor may act on, or "not found" (the same answer whether it exists or not). */
export async function entryFor(
	ctx: Pick<AppContext, 'db'>,
	actor: Actor,
	id: string,
	action: Action
): Promise<JournalRow> {
	const row = await findEntry(ctx.db, id);
	if (!row || !can(actor, action, { ownerId: row.user_id })) {
		throw new DomainError('not_found', 'There is no such journal entry, or it is not yours.');
	}
	return row;
}

/** Decrypts rows of one person with one unwrapping of their key. */
export async function readEntries(
	ctx: Pick<AppContext, 'db' | 'masterKey'>,
	userId: string,
	rows: JournalRow[],
	cipherOf?: LazyCipher
): Promise<JournalEntry[]> {
	if (rows.length === 0) return [];
	const cipher = await (cipherOf?.() ?? userCipher(ctx.db, ctx.masterKey, userId));
	return rows.map((row) => ({
		id: row.id,
		step: row.step,
		promptId: row.prompt_id,
		answered: answeredBy(row),
		body: cipher.decrypt(bodyAddress(row.id), row.body),
		domains: JSON.parse(row.domains),
		disciplines: JSON.parse(row.disciplines),
		revision: row.revision,
		sharedAt: row.shared_at,
		createdAt: row.created_at,
		updatedAt: row.updated_at
	}));
}
