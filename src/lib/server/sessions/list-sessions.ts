import { createHash } from 'node:crypto';
import { describeDevice, lastUsedInWords, timeInWords } from '../../domain/devices.ts';
import type { SignedIn } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { listSessionsOfUser } from './repository.ts';

export interface SessionView {
	/** Names the session in a form without giving away its token's hash. */
	id: string;
	device: string;
	/** Where it signed in from, when the operator's proxy says (PLACE_HEADER); else null. */
	place: string | null;
	lastUsed: string;
	signedInAt: string;
	current: boolean;
}

export function sessionId(tokenHash: string): string {
	return createHash('sha256').update(`session:${tokenHash}`).digest('base64url').slice(0, 22);
}

/** The person's own live sessions, this one first; only ever their own (keyed by their id). */
export async function listMySessions(
	ctx: Pick<AppContext, 'db' | 'now'>,
	signedIn: SignedIn
): Promise<SessionView[]> {
	const now = ctx.now();
	const rows = await listSessionsOfUser(ctx.db, signedIn.user.id);
	return rows
		.filter((row) => new Date(row.expires_at).getTime() > now.getTime())
		.map((row) => {
			const current = row.token_hash === signedIn.tokenHash;
			return {
				id: sessionId(row.token_hash),
				device: describeDevice(row.user_agent),
				place: row.place,
				lastUsed: current ? 'Active now' : lastUsedInWords(new Date(row.last_seen_at), now),
				signedInAt: timeInWords(new Date(row.created_at)),
				current
			};
		})
		.sort((a, b) => Number(b.current) - Number(a.current));
}
