import type { AppContext } from '../context.ts';

/**
 * Claims one email by its key in reminder_sends (e.g. 'each:<action>:<day>', 'reassess:<id>',
 * 'digest:<coach>:<day>'). Only the one process whose insert succeeds gets true, so whatever is
 * sent after a successful claim goes out once, however many app processes scan at the same time.
 */
export async function claimSend(
	ctx: Pick<AppContext, 'db' | 'now'>,
	key: string,
	userId: string
): Promise<boolean> {
	const claimed = await ctx.db
		.insertInto('reminder_sends')
		.values({ key, user_id: userId, sent_at: ctx.now().toISOString() })
		.onConflict((oc) => oc.column('key').doNothing())
		.executeTakeFirst();
	return Number(claimed.numInsertedOrUpdatedRows ?? 0) === 1;
}
