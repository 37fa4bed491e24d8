import { sql } from 'kysely';
import type { AppContext } from '../context.ts';

/** Proves the database answers (a failure throws, and the check answers 500). */
export async function checkHealth(
	ctx: Pick<AppContext, 'db' | 'dialect'>
): Promise<{ status: 'ok'; database: AppContext['dialect'] }> {
	await sql`select 1`.execute(ctx.db);
	return { status: 'ok', database: ctx.dialect };
}
