import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { todayFor } from '../../domain/actions/dates.ts';
import {
	closingInstant,
	MAX_REQUESTS_PER_ADDRESS_PER_DAY,
	MAX_REQUESTS_PER_CLIENT_PER_DAY,
	MAX_ROUNDS_PER_30_DAYS,
	readRoundInput,
	ROUND_WINDOW_DAYS
} from '../../domain/feedback/round-rules.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { raterEmail } from '../mail/rater-email.ts';
import { mailboxOf } from '../../domain/mailbox.ts';
import { hashToken, newToken } from '../security/tokens.ts';
import { findUserById } from '../users/repository.ts';
import { advanceProgram } from '../programs/detect-steps.ts';
import { requireOwn } from './access.ts';
import { answerSuggestions } from './suggestion-repository.ts';
import {
	countRequestsFromSince,
	countRequestsToSince,
	countRoundsSince,
	findOptedOut,
	insertRound,
	listRoundsOf,
	type RaterRow
} from './repository.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The address as it is hashed for "don't email me again" (lower case, trimmed). */
/** An opt-out is kept as the hash of the mailbox, so "+tag" or a trailing dot does not get round it. */
export const addressHash = (email: string) => hashToken(mailboxOf(email));
/** The hashes an opt-out may be under: the mailbox's, and the address's as stored before 0074. */
const optOutHashes = (email: string) => [
	...new Set([addressHash(email), hashToken(email.trim().toLowerCase())])
];

const isOpen = (round: { closed_at: string | null; closes_at: string }, now: Date) =>
	round.closed_at === null && round.closes_at > now.toISOString();

/** Whether the person has a round open now: one at a time, so the form says so before it is filled. */
export async function hasOpenRound(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor }
): Promise<boolean> {
	await requireOwn(ctx.db, input.actor, 'feedback.manage');
	const now = ctx.now();
	return (await listRoundsOf(ctx.db, input.actor.userId)).some((round) => isOpen(round, now));
}

/**
 * Opens a feedback round and queues one email per rater, each with its own single-use link.
 * Refused as a whole (nothing saved, nothing sent) on any bad field or limit.
 */
export async function openFeedbackRound(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	input: { actor: Actor; values: Record<string, string>; baseUrl: string }
): Promise<{ roundId: string }> {
	await requireOwn(ctx.db, input.actor, 'feedback.manage');
	const client = await findUserById(ctx.db, input.actor.userId);
	if (!client) throw new DomainError('not_found', 'Your account could not be found.');
	const now = ctx.now();
	const rounds = await listRoundsOf(ctx.db, client.id);
	if (rounds.some((round) => isOpen(round, now)))
		throw new DomainError(
			'conflict',
			'You already have a round open. Close it, or wait for it to close, before starting another.'
		);
	const windowStart = new Date(now.getTime() - ROUND_WINDOW_DAYS * DAY_MS).toISOString();
	if ((await countRoundsSince(ctx.db, client.id, windowStart)) >= MAX_ROUNDS_PER_30_DAYS)
		throw new DomainError(
			'rate_limited',
			`You can start ${MAX_ROUNDS_PER_30_DAYS} rounds in ${ROUND_WINDOW_DAYS} days. Asking less often keeps people willing to answer.`
		);

	const emails = Object.entries(input.values)
		.filter(([key, value]) => key.endsWith('-email') && value.trim())
		.map(([, value]) => value.trim().toLowerCase());
	const optedOutHashes = await findOptedOut(ctx.db, emails.flatMap(optOutHashes));
	const optedOut = new Set(
		emails.filter((email) => optOutHashes(email).some((hash) => optedOutHashes.has(hash)))
	);
	const parsed = readRoundInput(input.values, {
		ownEmail: client.email,
		today: todayFor(now),
		optedOut
	});
	if (!parsed.ok) throw new DomainError('invalid_input', parsed.message, { fields: parsed.fields });

	const dayStart = new Date(now.getTime() - DAY_MS).toISOString();
	const sentToday = await countRequestsFromSince(ctx.db, client.id, dayStart);
	if (sentToday + parsed.raters.length > MAX_REQUESTS_PER_CLIENT_PER_DAY)
		throw new DomainError(
			'rate_limited',
			`You can send ${MAX_REQUESTS_PER_CLIENT_PER_DAY} requests a day, and have sent ${sentToday} today. Please try again tomorrow.`
		);
	const received = await countRequestsToSince(
		ctx.db,
		parsed.raters.map((r) => r.email),
		dayStart
	);
	const busy = parsed.raters.find(
		(r) => (received.get(r.email) ?? 0) >= MAX_REQUESTS_PER_ADDRESS_PER_DAY
	);
	if (busy)
		throw new DomainError(
			'rate_limited',
			`${busy.email} has had several requests today already. Please try again tomorrow.`
		);

	const roundId = randomUUID();
	const closesAt = closingInstant(parsed.closesOn);
	const links: { rater: (typeof parsed.raters)[number]; token: string }[] = [];
	const rows: RaterRow[] = parsed.raters.map((rater) => {
		const { token, hash } = newToken();
		links.push({ rater, token });
		return {
			id: randomUUID(),
			round_id: roundId,
			domain: rater.domain,
			name: rater.name,
			email: rater.email,
			token_hash: hash,
			status: 'invited',
			answers: '{}',
			next_page: 0,
			comment: null,
			decline_reason: null
		};
	});
	await insertRound(
		ctx.db,
		{
			id: roundId,
			user_id: client.id,
			opened_at: now.toISOString(),
			closes_at: closesAt,
			closed_at: null,
			shared_at: null,
			released: null
		},
		rows
	);
	// Starting a round answers the coach's suggestion, if there was one.
	await answerSuggestions(ctx.db, client.id, now.toISOString());
	// ...and a program's feedback-round step open for them now (decision 0038).
	await advanceProgram(ctx, { userId: client.id, event: { kind: 'feedback-round' }, at: now });
	for (const { rater, token } of links) {
		await enqueueJob(
			ctx,
			'email',
			raterEmail({
				to: rater.email,
				raterName: rater.name,
				clientName: client.name,
				domain: rater.domain,
				closesOn: parsed.closesOn,
				link: `${input.baseUrl}/rate/${token}`
			})
		);
	}
	return { roundId };
}
