import { lastUsedInWords, timeInWords } from '../../domain/devices.ts';
import { DomainError } from '../../domain/errors.ts';
import { requireRecentAuth } from '../auth/reauthenticate.ts';
import type { SignedIn } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { recordSecurityEvent } from '../security-log/security-log.ts';
import { countPasskeysOf, deletePasskeyOf, listPasskeysOf } from './repository.ts';

export interface PasskeyView {
	id: string;
	name: string;
	added: string;
	lastUsed: string;
}

/** The person's own passkeys (never anyone else's: keyed by their id). */
export async function listMyPasskeys(
	ctx: Pick<AppContext, 'db' | 'now'>,
	signedIn: SignedIn
): Promise<PasskeyView[]> {
	const now = ctx.now();
	return (await listPasskeysOf(ctx.db, signedIn.user.id)).map((p) => ({
		id: p.id,
		name: p.name,
		added: timeInWords(new Date(p.createdAt)),
		lastUsed: p.lastUsedAt ? lastUsedInWords(new Date(p.lastUsedAt), now) : 'Not used yet'
	}));
}

/** Removes one of the person's passkeys, after recent re-authentication. */
export async function removePasskey(
	ctx: Pick<AppContext, 'db' | 'now' | 'log'>,
	input: { signedIn: SignedIn; id: string; userAgent?: string | null }
): Promise<{ name: string }> {
	requireRecentAuth(ctx, input.signedIn);
	const userId = input.signedIn.user.id;
	const found = (await listPasskeysOf(ctx.db, userId)).find((p) => p.id === input.id);
	if (!found || !(await deletePasskeyOf(ctx.db, userId, found.id)))
		throw new DomainError('not_found', 'That passkey is removed already.');
	const userAgent = input.userAgent ?? null;
	await recordSecurityEvent(ctx, { userId, kind: 'passkey-removed', userAgent });
	return { name: found.name };
}

export async function countMyPasskeys(
	ctx: Pick<AppContext, 'db'>,
	signedIn: SignedIn
): Promise<number> {
	return countPasskeysOf(ctx.db, signedIn.user.id);
}
