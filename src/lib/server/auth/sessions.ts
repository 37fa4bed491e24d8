import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS } from '../../domain/time.ts';
import type { Actor, PracticeRole } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import type { User } from '../db/types.ts';
import { deferMark, pendingMarks, type MarkKind } from '../deferred/deferred-marks.ts';
import { storableUserAgent } from '../../domain/devices.ts';
import { hashToken, newToken } from '../security/tokens.ts';
import {
	deleteSession,
	findSessionWithUser,
	insertSession,
	touchSession
} from '../sessions/repository.ts';

export interface SignedIn {
	user: Pick<User, 'id' | 'email' | 'name' | 'kind'>;
	actor: Actor;
	tokenHash: string;
	/** While the account waits to be deleted: every page but "Your data" leads there (issue 13). */
	deletionDueAt?: string | null;
	/** When this session last proved the person (password or passkey): see domain/reauth.ts. */
	reauthenticatedAt: string | null;
}

/**
 * Starts a new session (a fresh id every login) and returns the cookie token. Every way in proves
 * the person (a password, a passkey or an emailed link with the password), so a new session
 * counts as just re-authenticated.
 */
export async function createSession(
	ctx: Pick<AppContext, 'db' | 'now'>,
	userId: string,
	device: { userAgent?: string | null } = {}
): Promise<{ token: string; expiresAt: Date }> {
	const now = ctx.now();
	const { token, hash } = newToken();
	const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
	await insertSession(ctx.db, {
		token_hash: hash,
		user_id: userId,
		created_at: now.toISOString(),
		last_seen_at: now.toISOString(),
		expires_at: expiresAt.toISOString(),
		user_agent: storableUserAgent(device.userAgent),
		reauthenticated_at: now.toISOString()
	});
	return { token, expiresAt };
}

/** "The session was used at …" (kept idle sessions alive), written just after the response. */
const sessionUse: MarkKind<string> = {
	name: 'session use',
	merge: (earlier, later) => (later > earlier ? later : earlier),
	async write(db, marks) {
		for (const [tokenHash, at] of marks) await touchSession(db, tokenHash, at);
	}
};

/** The person behind a session cookie, or null when it is unknown, idle too long, or past its end. */
export async function resolveSession(
	ctx: Pick<AppContext, 'db' | 'now' | 'log'>,
	token: string
): Promise<SignedIn | null> {
	if (!token || token.length > 100) return null;
	const tokenHash = hashToken(token);
	const queuedUse = pendingMarks(ctx, sessionUse)(tokenHash);
	const found = await findSessionWithUser(ctx.db, tokenHash);
	if (!found) return null;
	const now = ctx.now();
	const lastSeen = Math.max(
		new Date(found.session.last_seen_at).getTime(),
		new Date(queuedUse ?? 0).getTime()
	);
	const expired =
		new Date(found.session.expires_at).getTime() <= now.getTime() ||
		now.getTime() - lastSeen >= SESSION_IDLE_MS;
	if (expired) {
		await deleteSession(ctx.db, tokenHash);
		return null;
	}
	if (now.getTime() - lastSeen >= SESSION_TOUCH_MS)
		deferMark(ctx, sessionUse, tokenHash, now.toISOString());
	const practices: Record<string, PracticeRole[]> = {};
	for (const m of found.memberships) (practices[m.practiceId] ??= []).push(m.role);
	const { id, email, name, kind } = found.user;
	return {
		user: { id, email, name, kind },
		actor: { userId: id, practices },
		tokenHash,
		deletionDueAt: found.deletionDueAt,
		reauthenticatedAt: found.session.reauthenticated_at
	};
}

export async function endSession(ctx: Pick<AppContext, 'db'>, token: string): Promise<void> {
	await deleteSession(ctx.db, hashToken(token));
}
