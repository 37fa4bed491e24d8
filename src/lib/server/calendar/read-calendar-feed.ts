import { todayFor } from '../../domain/actions/dates.ts';
import { DomainError } from '../../domain/errors.ts';
import { toView } from '../actions/view.ts';
import type { AppContext } from '../context.ts';
import { hashToken } from '../security/tokens.ts';
import { addActionEvent, newActionsCalendar } from './action-calendar.ts';
import { findLiveFeedByHash, listOpenActionsOf } from './repository.ts';
import { openActions } from '../actions/sealed-action.ts';
import { ownerCiphers } from '../crypto/sealed-fields.ts';

export const FEED_NOT_FOUND =
	'This calendar link does not work: it was turned off, replaced by a newer one, or copied only in part. Make a new one on your actions page in Midpoint.';

/** Tokens are 32 random bytes in base64url; anything else is refused without a database look-up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Calendar apps look for changes about this often (most choose their own interval anyway). */
const REFRESH_SECONDS = 60 * 60;

/**
 * The calendar behind a feed link: every open action of the link's owner, as in the action's
 * own calendar file. The token is the key; a revoked or unknown one is "not found", and reading
 * changes nothing.
 */
export async function readCalendarFeed(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	input: { token: string; baseUrl: string }
): Promise<string> {
	if (!TOKEN.test(input.token)) throw new DomainError('not_found', FEED_NOT_FOUND);
	const feed = await findLiveFeedByHash(ctx.db, hashToken(input.token));
	if (!feed) throw new DomainError('not_found', FEED_NOT_FOUND);
	const today = todayFor(ctx.now());
	const calendar = newActionsCalendar({ ttlSeconds: REFRESH_SECONDS });
	for (const row of await openActions(
		ownerCiphers(ctx),
		await listOpenActionsOf(ctx.db, feed.user_id)
	))
		addActionEvent(calendar, toView(row, [], today), input.baseUrl);
	return calendar.toString();
}
