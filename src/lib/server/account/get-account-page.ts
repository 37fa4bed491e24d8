import type { SignedIn } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { getClientPractice } from '../practices/get-client-practice.ts';
import { getReminderMode } from '../reminders/set-reminder-mode.ts';
import { listMySessions } from '../sessions/list-sessions.ts';
import { listSecurityLog } from '../security-log/security-log.ts';
import { countMyPasskeys } from '../passkeys/manage-passkeys.ts';
import { hasSecondFactor } from '../two-factor/pending-sign-in.ts';

/** Everything the account page shows; each part is the signed-in person's own. */
export async function getAccountPage(ctx: AppContext, signedIn: SignedIn) {
	const actor = signedIn.actor;
	return {
		email: signedIn.user.email,
		name: signedIn.user.name,
		reminderMode: await getReminderMode(ctx, { actor }),
		practice: await getClientPractice(ctx, { actor }),
		twoFactorOn: await hasSecondFactor(ctx, signedIn.user.id),
		passkeyCount: await countMyPasskeys(ctx, signedIn),
		sessions: await listMySessions(ctx, signedIn),
		securityLog: await listSecurityLog(ctx, { actor, userId: signedIn.user.id })
	};
}
