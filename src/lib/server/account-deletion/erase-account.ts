import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { destroyUserKey } from '../crypto/repository.ts';
import { eraseAccountRows } from './repository.ts';

/**
 * Destroys the person's data key in the key store, in its own step (decision 0041: the store is
 * another file on SQLite, and a transaction over two WAL files is not atomic as a whole), then
 * deletes every row of theirs in one transaction. A crash in between leaves rows nobody can read,
 * and the retry (the job, or the erasure ledger at start) deletes them. On SQLite the connection
 * first turns on secure_delete, so deleted rows are overwritten with zeros in the file rather
 * than left readable in its free pages (the key store always runs so).
 */
export async function eraseAccount(
	ctx: Pick<AppContext, 'db' | 'dialect'>,
	userId: string,
	email: string | null,
	alsoInTransaction?: (trx: AppContext['db']) => Promise<void>
): Promise<void> {
	if (ctx.dialect === 'sqlite') await sql`pragma secure_delete = on`.execute(ctx.db);
	await destroyUserKey(ctx.db, userId);
	await ctx.db.transaction().execute(async (trx) => {
		await eraseAccountRows(trx, userId, email);
		await alsoInTransaction?.(trx);
	});
}
