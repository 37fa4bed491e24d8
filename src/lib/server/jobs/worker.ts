import type { AppContext } from '../context.ts';
import { deliverEmail, type EmailMessage } from '../mail/mailer.ts';
import { claimNextJob, completeJob, failJob } from './queue.ts';
import { sendDueReminders } from '../reminders/send-due-reminders.ts';
import { sendCoachDigests } from '../digest/send-coach-digests.ts';
import { VALIDITY_JOB, computeValidity } from '../instrument-validity/compute-validity.ts';
// Retention (decision 0037)
import { pruneIfDue } from '../retention/prune-expired.ts';
// Data export and account deletion (issue 13)
import { expireExport, runExport } from '../data-export/run-export.ts';
import { purgeAccount } from '../account-deletion/purge-account.ts';
// Feedback rounds: a round past its closing time is closed here, never by a page view.
import { closeDueRounds } from '../feedback/settle-round.ts';

type Handler = (ctx: AppContext, payload: unknown) => Promise<void>;

const handlers: Record<string, Handler> = {
	email: (ctx, payload) => deliverEmail(ctx, payload as EmailMessage),
	// The structure check on a practice's instrument page (issue 15): lavaan takes seconds.
	[VALIDITY_JOB]: (ctx, payload) => computeValidity(ctx, payload as { practiceId: string }),
	// Data export and account deletion (issue 13)
	'data-export': runExport,
	'data-export-expire': expireExport,
	'account-purge': purgeAccount
};

/** Runs every job that is due now; returns how many ran. */
export async function runDueJobs(ctx: AppContext, limit = 50): Promise<number> {
	let ran = 0;
	while (ran < limit) {
		const job = await claimNextJob(ctx);
		if (!job) break;
		ran++;
		const handler = handlers[job.kind];
		try {
			if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
			await handler(ctx, job.payload);
			await completeJob(ctx, job.id);
		} catch (err) {
			const message = err instanceof Error ? err.message : String(err);
			ctx.log.warn(
				{ jobId: job.id, kind: job.kind, attempts: job.attempts, err: message },
				'job failed'
			);
			await failJob(ctx, job, message);
		}
	}
	return ran;
}

/** Polls the jobs table until stopped. Each app process runs one; they never double-send. */
export function startJobWorker(
	ctx: AppContext,
	intervalMs: number,
	reminderScanMs = 60_000
): () => void {
	let stopped = false;
	let timer: NodeJS.Timeout | undefined;
	let lastReminderScan = 0;
	const tick = async () => {
		try {
			// Due report-backs are looked for once a minute; the jobs table then sends the emails.
			if (Date.now() - lastReminderScan >= reminderScanMs) {
				lastReminderScan = Date.now();
				await sendDueReminders(ctx);
				await sendCoachDigests(ctx);
				await pruneIfDue(ctx); // once a day, whichever process looks first (decision 0037)
				await closeDueRounds(ctx); // feedback rounds past their closing time
			}
			await runDueJobs(ctx);
		} catch (err) {
			ctx.log.error({ err: err instanceof Error ? err.message : String(err) }, 'job worker error');
		}
		if (!stopped) timer = setTimeout(tick, intervalMs);
	};
	timer = setTimeout(tick, 0);
	return () => {
		stopped = true;
		if (timer) clearTimeout(timer);
	};
}
