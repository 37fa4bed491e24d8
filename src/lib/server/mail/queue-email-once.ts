import type { AppContext } from '../context.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { claimSendKey } from '../reminders/repository.ts';
import type { EmailMessage } from './mailer.ts';

/**
 * Sends an email at most once, for reminders, re-assessment reminders and coaches' digests alike.
 * Claims it by its key in reminder_sends (e.g. 'each:<action>:<day>', 'reassess:<id>',
 * 'digest:<coach>:<day>') and queues it, in one transaction. Only the one process whose insert
 * succeeds queues anything, so the email goes out once however many app processes scan at the
 * same moment; and a crash between the claim and the queue cannot lose it, since both commit
 * together or not at all. `message` null claims the key without an email (a period with nothing
 * to say). Returns whether this call made the claim.
 */
export async function queueEmailOnce(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	key: string,
	userId: string,
	message: EmailMessage | null
): Promise<boolean> {
	return ctx.db.transaction().execute(async (trx) => {
		if (!(await claimSendKey(trx, key, userId, ctx.now().toISOString()))) return false;
		if (message)
			await enqueueJob({ db: trx, now: ctx.now, masterKey: ctx.masterKey }, 'email', message);
		return true;
	});
}
