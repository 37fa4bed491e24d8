import type { SignedIn } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { findOpenEmailChange } from './repository.ts';

/** The person's address, and the change still waiting for its link, if any. */
export async function getEmailChangePage(
	ctx: Pick<AppContext, 'db' | 'now'>,
	signedIn: SignedIn
): Promise<{ email: string; waitingFor: string | null }> {
	const open = await findOpenEmailChange(ctx.db, signedIn.user.id, ctx.now().toISOString());
	return { email: signedIn.user.email, waitingFor: open?.new_email ?? null };
}
