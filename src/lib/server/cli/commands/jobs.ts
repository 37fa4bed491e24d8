import { parseArgs } from 'node:util';
import { runDueJobs } from '../../jobs/worker.ts';
import { sendDueReminders } from '../../reminders/send-due-reminders.ts';
import { UsageError } from '../io.ts';
import { openContext } from '../open-context.ts';
import type { Command } from './command.ts';
import { helpOption, parseCommandArgs } from './command.ts';
import { sendCoachDigests } from '../../digest/send-coach-digests.ts';
import { pruneIfDue } from '../../retention/prune-expired.ts';

/** A bound, so a queue that keeps growing under us cannot keep the command running forever. */
const MAX_JOBS = 10_000;

export const jobsCommand: Command = {
	name: 'jobs',
	help: `Usage: midpoint jobs run-once

Does one round of the work each server process does in the background: looks for report-backs
that are due (queueing their reminder emails) and then sends every email waiting in the queue,
then stops. Use it from cron when the servers run with MIDPOINT_JOBS=off, or to empty the
queue by hand. The first run of each day also prunes expired sessions, old rate-limit counts,
finished jobs and used links (README, "what is kept"). It is safe beside running servers and other copies of itself: each reminder
and each email goes out once.`,
	async run(args, io) {
		const { values, positionals } = parseCommandArgs(() =>
			parseArgs({ args, options: { help: helpOption }, allowPositionals: true, strict: true })
		);
		if (values.help) return (io.stdout(this.help), 0);
		if (positionals.length === 0) throw new UsageError('Say what to do: midpoint jobs run-once');
		if (positionals[0] !== 'run-once' || positionals.length > 1)
			throw new UsageError(
				`Unknown task "${positionals.join(' ')}": the one task is run-once (midpoint jobs run-once).`
			);

		const { ctx, handle } = await openContext(io.env);
		try {
			const reminders = await sendDueReminders(ctx);
			const digests = await sendCoachDigests(ctx);
			const pruned = await pruneIfDue(ctx);
			let ran = 0;
			for (;;) {
				const batch = await runDueJobs(ctx);
				ran += batch;
				if (batch === 0 || ran >= MAX_JOBS) break;
			}
			io.stdout(`Reminders queued: ${reminders}. Digests queued: ${digests}. Jobs run: ${ran}.`);
			if (pruned && Object.values(pruned).some((n) => n > 0))
				io.stdout(
					`Pruned: ${pruned.sessions} expired sessions, ${pruned.rateLimitCounts} old rate-limit counts, ` +
						`${pruned.jobs} finished jobs, ${pruned.tokens} used or expired links, ` +
						`${pruned.orphanKeys} data keys whose person was gone a week.`
				);
			return 0;
		} finally {
			await handle.close();
		}
	}
};
