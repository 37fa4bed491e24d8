import type { AppContext } from '../context.ts';
import { deleteJobs, enqueueJob, listQueuedEmailsAfter } from '../jobs/queue.ts';
import type { EmailMessage } from '../mail/mailer.ts';
import { findUserById } from '../users/repository.ts';
import { recordErasure } from './erasure-ledger.ts';
import { eraseAccount } from './erase-account.ts';
import { findCoachOf, findDeletion } from './repository.ts';

/** What the coach is told: that the client left, and nothing of what they wrote or did. */
export function clientLeftEmail(input: {
	to: string;
	coachName: string;
	clientName: string;
}): EmailMessage {
	const first = input.coachName.split(' ')[0] ?? input.coachName;
	return {
		to: input.to,
		subject: `${input.clientName} has left Midpoint`,
		text: [
			`Hello ${first},`,
			`${input.clientName} deleted their Midpoint account, so they are no longer on your roster.`,
			'Their results, journal, actions, report-backs and your notes and replies on them were deleted with it, as they asked. Nothing of it can be recovered.',
			'Midpoint'
		].join('\n\n')
	};
}

/**
 * The job, 7 days after the request: deletes the person and their data key, unless they undid
 * it (no row) or asked again later (a later date: that request's own job will come). The id goes
 * to the erasure ledger first, so a crash halfway is finished by the next start or retry.
 */
export async function purgeAccount(ctx: AppContext, payload: unknown): Promise<void> {
	const { userId } = payload as { userId: string };
	const waiting = await findDeletion(ctx.db, userId);
	if (!waiting || waiting.deleteAfter > ctx.now().toISOString()) return;
	const user = await findUserById(ctx.db, userId);
	if (!user) return;
	const coach = await findCoachOf(ctx.db, userId);
	recordErasure(ctx, userId);
	// Email still waiting to go to them (a reminder, a digest) is dropped with them.
	const queued = await listQueuedEmailsAfter(ctx, 0);
	await deleteJobs(
		ctx,
		queued.filter((mail) => mail.to === user.email).map((mail) => mail.id)
	);
	await eraseAccount(ctx, userId, user.email, async (trx) => {
		if (coach)
			await enqueueJob(
				{ ...ctx, db: trx },
				'email',
				clientLeftEmail({ to: coach.email, coachName: coach.name, clientName: user.name })
			);
	});
	ctx.log.info({ userId }, 'account deleted for good');
}
