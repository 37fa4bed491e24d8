import { sql } from 'kysely';
import { todayFor } from '../../domain/actions/dates.ts';
import type { AppContext } from '../context.ts';
import { reassessmentDueEmail } from './reassessment-email.ts';
import { claimAndQueue } from '../reminders/claim-send.ts';

/**
 * Emails each client whose requested retake has fallen due, once. As with report-back reminders,
 * the claim is an insert into reminder_sends (key 'reassess:<id>'): only the process whose insert
 * succeeds queues the email. A client who turned reminder emails off gets none.
 */
export async function sendDueReassessmentReminders(
	ctx: Pick<AppContext, 'db' | 'now' | 'config'>
): Promise<number> {
	const today = todayFor(ctx.now());
	const due = await ctx.db
		.selectFrom('reassessments as r')
		.innerJoin('users as u', 'u.id', 'r.client_id')
		.leftJoin('reminder_settings as s', 's.user_id', 'r.client_id')
		.leftJoin('reminder_sends as sent', (join) =>
			join.on('sent.key', '=', sql<string>`'reassess:' || r.id`)
		)
		.select(['r.id', 'r.client_id', 'r.due_on', 'u.email', 'u.name', 's.mode'])
		.where('r.completed_at', 'is', null)
		.where('r.cancelled_at', 'is', null)
		.where('r.due_on', '<=', today)
		.where('sent.key', 'is', null)
		.execute();
	const base = (ctx.config.publicUrl ?? 'http://localhost:3000').replace(/\/$/, '');
	let sent = 0;
	for (const row of due) {
		if (row.mode === 'off') continue;
		const message = reassessmentDueEmail({
			to: row.email,
			name: row.name,
			dueOn: row.due_on,
			base
		});
		if (await claimAndQueue(ctx, `reassess:${row.id}`, row.client_id, message)) sent++;
	}
	return sent;
}
