import { todayFor } from '../../domain/actions/dates.ts';
import type { AppContext } from '../context.ts';
import { reassessmentDueEmail } from './reassessment-email.ts';
import { queueEmailOnce } from '../mail/queue-email-once.ts';
import { listUnremindedDueReassessments } from './repository.ts';

/**
 * Emails each client whose requested retake has fallen due, once. As with report-back reminders,
 * the claim is an insert into reminder_sends (key 'reassess:<id>'): only the process whose insert
 * succeeds queues the email. A client who turned reminder emails off gets none.
 */
export async function sendDueReassessmentReminders(
	ctx: Pick<AppContext, 'db' | 'now' | 'config' | 'masterKey'>
): Promise<number> {
	const today = todayFor(ctx.now());
	const due = await listUnremindedDueReassessments(ctx.db, today);
	const base = (ctx.config.publicUrl ?? 'http://localhost:3000').replace(/\/$/, '');
	let sent = 0;
	for (const row of due) {
		if (row.reminderMode === 'off') continue;
		const message = reassessmentDueEmail({
			to: row.email,
			name: row.name,
			dueOn: row.dueOn,
			base
		});
		if (await queueEmailOnce(ctx, `reassess:${row.reassessmentId}`, row.clientId, message)) sent++;
	}
	return sent;
}
