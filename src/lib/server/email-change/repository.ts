import type { Db } from '../db/create-db.ts';
import type { EmailChangesTable, EmailChangeUndosTable } from '../db/types.ts';
import type { Selectable } from 'kysely';

export type EmailChangeRow = Selectable<EmailChangesTable>;

export async function insertEmailChange(db: Db, row: Omit<EmailChangeRow, 'used_at'>) {
	await db
		.insertInto('email_changes')
		.values({ ...row, used_at: null })
		.execute();
}

export async function findEmailChange(
	db: Db,
	tokenHash: string
): Promise<EmailChangeRow | undefined> {
	return db
		.selectFrom('email_changes')
		.selectAll()
		.where('token_hash', '=', tokenHash)
		.executeTakeFirst();
}

/** The newest change of a person still waiting for its link, if any. */
export async function findOpenEmailChange(
	db: Db,
	userId: string,
	now: string
): Promise<EmailChangeRow | undefined> {
	return db
		.selectFrom('email_changes')
		.selectAll()
		.where('user_id', '=', userId)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now)
		.orderBy('created_at', 'desc')
		.executeTakeFirst();
}

/** Uses one link; false when another request used it first. */
export async function markEmailChangeUsed(db: Db, tokenHash: string, at: string): Promise<boolean> {
	const result = await db
		.updateTable('email_changes')
		.set({ used_at: at })
		.where('token_hash', '=', tokenHash)
		.where('used_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Every open change of a person answers as used from now on (one change at a time). */
export async function spendOpenEmailChanges(db: Db, userId: string, at: string): Promise<void> {
	await db
		.updateTable('email_changes')
		.set({ used_at: at })
		.where('user_id', '=', userId)
		.where('used_at', 'is', null)
		.execute();
}

export type EmailChangeUndoRow = Selectable<EmailChangeUndosTable>;

export async function insertEmailChangeUndo(db: Db, row: Omit<EmailChangeUndoRow, 'used_at'>) {
	await db
		.insertInto('email_change_undos')
		.values({ ...row, used_at: null })
		.execute();
}

export async function findEmailChangeUndo(
	db: Db,
	tokenHash: string
): Promise<EmailChangeUndoRow | undefined> {
	return db
		.selectFrom('email_change_undos')
		.selectAll()
		.where('token_hash', '=', tokenHash)
		.executeTakeFirst();
}

/** Uses every open undo link of a person; true when the given one was among them (first use). */
export async function spendEmailChangeUndos(
	db: Db,
	userId: string,
	tokenHash: string,
	at: string
): Promise<boolean> {
	const mine = await db
		.updateTable('email_change_undos')
		.set({ used_at: at })
		.where('token_hash', '=', tokenHash)
		.where('used_at', 'is', null)
		.executeTakeFirst();
	await db
		.updateTable('email_change_undos')
		.set({ used_at: at })
		.where('user_id', '=', userId)
		.where('used_at', 'is', null)
		.execute();
	return Number(mine.numUpdatedRows) === 1;
}
