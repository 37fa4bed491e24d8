import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { eraseAccountRows } from './repository.ts';

/**
 * Deletes the person's data key and every row of theirs in one transaction. On SQLite the
 * connection first turns on secure_delete, so the deleted rows (the wrapped key among them) are
 * overwritten with zeros in the file rather than left readable in its free pages.
 */
export async function eraseAccount(
	ctx: Pick<AppContext, 'db' | 'dialect'>,
	userId: string,
	email: string | null,
	alsoInTransaction?: (trx: AppContext['db']) => Promise<void>
): Promise<void> {
	if (ctx.dialect === 'sqlite') await sql`pragma secure_delete = on`.execute(ctx.db);
	await ctx.db.transaction().execute(async (trx) => {
		await eraseAccountRows(trx, userId, email);
		await alsoInTransaction?.(trx);
	});
}
