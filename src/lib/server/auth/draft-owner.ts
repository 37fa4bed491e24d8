import { createHmac } from 'node:crypto';
import type { AppContext } from '../context.ts';

/**
 * The name a person's journal copies are kept under in their browser: derived from their id
 * with the master key, so it is stable for them, different for everyone else, and tells nothing
 * about who they are to someone reading the browser's storage.
 */
export function draftOwnerOf(ctx: Pick<AppContext, 'masterKey'>, userId: string): string {
	return createHmac('sha256', ctx.masterKey.key)
		.update(`journal-draft-owner:${userId}`)
		.digest('base64url')
		.slice(0, 22);
}
