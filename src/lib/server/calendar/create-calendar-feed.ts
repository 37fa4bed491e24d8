import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { lockPersonForWrites } from '../db/locks.ts';
import { newToken } from '../security/tokens.ts';
import { insertFeed, revokeFeedsOf } from './repository.ts';

export function feedUrl(baseUrl: string, token: string): string {
	return `${baseUrl}/calendar/${token}.ics`;
}

/**
 * Makes the person's private calendar feed link. Only the token's hash is kept, so the full
 * link exists once, in this answer. Making a new link turns off the one before it.
 */
export async function createCalendarFeed(
	ctx: Pick<AppContext, 'db' | 'dialect' | 'now'>,
	input: { actor: Actor; baseUrl: string }
): Promise<{ url: string; createdAt: string }> {
	const userId = input.actor.userId;
	if (!can(input.actor, 'action.write', { ownerId: userId }))
		throw new DomainError('forbidden', 'You cannot make a calendar link here.');
	const { token, hash } = newToken();
	const createdAt = ctx.now().toISOString();
	await ctx.db.transaction().execute(async (trx) => {
		// Two clicks at once must still leave one live link.
		await lockPersonForWrites(trx, ctx.dialect, userId);
		await revokeFeedsOf(trx, userId, createdAt);
		await insertFeed(trx, {
			id: randomUUID(),
			user_id: userId,
			token_hash: hash,
			created_at: createdAt,
			revoked_at: null
		});
	});
	return { url: feedUrl(input.baseUrl, token), createdAt };
}
