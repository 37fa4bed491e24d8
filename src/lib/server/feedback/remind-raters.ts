import { DomainError } from '../../domain/errors.ts';
import { closingDay } from '../../domain/feedback/round-rules.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { raterEmail } from '../mail/rater-email.ts';
import { claimSendKey } from '../reminders/repository.ts';
import { newToken } from '../security/tokens.ts';
import { roundFor } from './access.ts';
import { addRaterLink, listWaitingRaters, type WaitingRater } from './rater-repository.ts';
import { settleRound } from './settle-round.ts';

/** The automatic reminder goes this long before a round closes. */
export const AUTO_REMINDER_MS = 3 * 24 * 60 * 60 * 1000;

const MIN_DAYS_BEFORE_REMINDER_MS = 24 * 60 * 60 * 1000;

export const roundReminderKey = (roundId: string) => `raters-remind:${roundId}`;
/** The automatic reminder's key for one rater. */
export const raterReminderKey = (raterId: string) => `rater-remind:${raterId}`;

/** A new link (the earlier ones keep working) and the reminder email. */
async function remind(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	waiting: WaitingRater,
	base: string
) {
	const { token, hash } = newToken();
	if (!(await addRaterLink(ctx.db, waiting.rater.id, hash))) return;
	await enqueueJob(
		ctx,
		'email',
		raterEmail({
			to: waiting.rater.email,
			raterName: waiting.rater.name,
			clientName: waiting.clientName,
			domain: waiting.rater.domain,
			closesOn: closingDay(waiting.closesAt),
			link: `${base}/rate/${token}`,
			reminder: true
		})
	);
}

/**
 * One reminder to each person who has not answered, 3 days before their round closes. The key
 * 'rater-remind:<rater>' is claimed in the same transaction that queues the email, so it goes out
 * once however many app processes scan at once.
 */
export async function sendDueRaterReminders(
	ctx: Pick<AppContext, 'db' | 'now' | 'config' | 'masterKey'>
): Promise<number> {
	const now = ctx.now();
	const base = (ctx.config.publicUrl ?? 'http://localhost:3000').replace(/\/$/, '');
	const due = await listWaitingRaters(ctx.db, {
		now: now.toISOString(),
		until: new Date(now.getTime() + AUTO_REMINDER_MS).toISOString(),
		// A short round would otherwise send the reminder right behind the request itself.
		openedBefore: new Date(now.getTime() - MIN_DAYS_BEFORE_REMINDER_MS).toISOString()
	});
	let sent = 0;
	for (const waiting of due) {
		const claimed = await ctx.db.transaction().execute(async (trx) => {
			const at = { db: trx, now: ctx.now, masterKey: ctx.masterKey };
			if (
				!(await claimSendKey(
					trx,
					raterReminderKey(waiting.rater.id),
					waiting.userId,
					now.toISOString()
				))
			)
				return false;
			await remind(at, waiting, base);
			return true;
		});
		if (claimed) sent++;
	}
	return sent;
}

/**
 * The client's one extra nudge per round: everyone who has not answered gets a reminder. The
 * client is told neither who nor how many, so nothing says who has answered.
 */
export async function remindWaitingRaters(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	input: { actor: Actor; roundId: string; baseUrl: string }
): Promise<void> {
	const round = await settleRound(
		ctx,
		await roundFor(ctx.db, input.actor, input.roundId, 'feedback.manage')
	);
	if (round.closed_at)
		throw new DomainError('conflict', 'This round has closed, so there is nobody left to remind.');
	await ctx.db.transaction().execute(async (trx) => {
		const at = { db: trx, now: ctx.now, masterKey: ctx.masterKey };
		if (
			!(await claimSendKey(trx, roundReminderKey(round.id), round.user_id, ctx.now().toISOString()))
		)
			throw new DomainError('conflict', 'You have already sent the one reminder a round allows.');
		for (const waiting of await listWaitingRaters(trx, { roundId: round.id }))
			await remind(at, waiting, input.baseUrl);
	});
}
