import { sql } from 'kysely';
import type { Db, Dialect } from './create-db.ts';

/**
 * Holds the person's row until the transaction `trx` ends, so two requests of one person that
 * check-then-write (the third open action, the one live calendar link) run one after the other.
 * SQLite runs one write transaction at a time already, so there it does nothing.
 */
export async function lockPersonForWrites(
	trx: Db,
	dialect: Dialect,
	userId: string
): Promise<void> {
	if (dialect === 'postgres')
		await sql`select id from users where id = ${userId} for update`.execute(trx);
}
