import { setImmediate as nextTurn } from 'node:timers/promises';
import { todayFor } from '../../domain/actions/dates.ts';
import type { AppContext } from '../context.ts';
import type { ReminderMode } from '../db/types.ts';
import { listReportStatesOf } from '../actions/repository.ts';
import { toView, type ActionView } from '../actions/view.ts';
import { reminderEmail } from '../mail/reminder-email.ts';
import { sendDueReassessmentReminders } from '../reassessments/send-due-reassessment-reminders.ts';
import { sendDueRaterReminders } from '../feedback/remind-raters.ts';
import { queueEmailOnce } from '../mail/queue-email-once.ts';
import { listOpenActionsToRemind, listOwnersOfOpenActions } from './repository.ts';
import { openAction } from '../actions/sealed-action.ts';
import { ownerCiphers } from '../crypto/sealed-fields.ts';

/** Each person's choice; without one, a reminder for each report-back that comes due. */
export const DEFAULT_REMINDER_MODE: ReminderMode = 'each';

interface PersonDue {
	email: string;
	name: string;
	mode: ReminderMode;
	due: ActionView[];
}

/** People per page of the scan: its memory stays the same however many people have actions. */
const SCAN_PAGE = 200;

/**
 * Emails the reminders that are due now. Claiming a reminder is an insert into reminder_sends
 * whose key names it; only the process whose insert succeeds queues the email, so each reminder
 * goes out exactly once even with several app processes polling together.
 *
 * The scan goes through the people with open actions a page at a time, each person whole on one
 * page (a daily email gathers all their due actions). Reading every open action with every
 * report-back at once held 170,000 report-backs in memory for a practice of 5,000 clients with two
 * years of history, 100 MB at each start.
 */
export async function sendDueReminders(
	ctx: Pick<AppContext, 'db' | 'dialect' | 'now' | 'config' | 'masterKey'>,
	options: { pageSize?: number } = {}
): Promise<number> {
	const today = todayFor(ctx.now());
	const base = (ctx.config.publicUrl ?? 'http://localhost:3000').replace(/\/$/, '');
	let sent = 0;
	let after: string | null = null;
	for (;;) {
		const owners = await listOwnersOfOpenActions(ctx.db, after, options.pageSize ?? SCAN_PAGE);
		if (owners.length === 0) break;
		// Between pages, requests waiting on this process go first: SQLite answers synchronously,
		// so without this the whole scan (0.5 s for 5,000 clients) would hold every page up.
		if (after !== null) await nextTurn();
		after = owners.at(-1)!;
		const due = await dueActionsOf(ctx, owners, today);
		for (const [userId, person] of due) {
			if (person.mode === 'off') continue;
			const batches =
				person.mode === 'daily'
					? [{ key: `daily:${userId}:${today}`, due: person.due }]
					: person.due.map((v) => ({ key: `each:${v.id}:${v.due}`, due: [v] }));
			for (const batch of batches) {
				const message = reminderEmail({
					to: person.email,
					name: person.name,
					due: batch.due,
					base
				});
				if (await queueEmailOnce(ctx, batch.key, userId, message)) sent++;
			}
		}
	}
	// Retakes a coach asked for: one email when each falls due (key 'reassess:<id>').
	sent += await sendDueReassessmentReminders(ctx);
	// People asked for feedback who have not answered: one reminder 3 days before the close.
	sent += await sendDueRaterReminders(ctx);
	return sent;
}

/** These people's actions with a report-back due, opened, by person. */
async function dueActionsOf(
	ctx: Pick<AppContext, 'db' | 'dialect' | 'masterKey'>,
	owners: readonly string[],
	today: string
): Promise<Map<string, PersonDue>> {
	const cipherOf = ownerCiphers(ctx);
	const rows = await listOpenActionsToRemind(ctx.db, owners);
	const reports = await listReportStatesOf(
		ctx.db,
		rows.map((r) => r.action.id)
	);
	const byAction = new Map<string, typeof reports>();
	for (const r of reports) {
		const list = byAction.get(r.action_id);
		if (list) list.push(r);
		else byAction.set(r.action_id, [r]);
	}
	const duePerUser = new Map<string, PersonDue>();
	for (const { action, ownerEmail, ownerName, mode } of rows) {
		const reportsOf = byAction.get(action.id) ?? [];
		if (!toView(action, reportsOf, today).due) continue;
		// Only a due action's text is opened (with its owner's key): it goes into the email.
		const view = toView(openAction(await cipherOf(action.user_id), action), reportsOf, today);
		const entry = duePerUser.get(action.user_id) ?? {
			email: ownerEmail,
			name: ownerName,
			mode: mode ?? DEFAULT_REMINDER_MODE,
			due: []
		};
		entry.due.push(view);
		duePerUser.set(action.user_id, entry);
	}
	return duePerUser;
}
