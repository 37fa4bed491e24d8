import { DomainError } from '../../domain/errors.ts';
import { todayFor } from '../../domain/actions/dates.ts';
import {
	closingDay,
	closingDayProblem,
	closingInstant
} from '../../domain/feedback/round-rules.ts';
import type { Actor } from '../../domain/policies.ts';
import { formatLongDate } from '../../format.ts';
import type { AppContext } from '../context.ts';
import { roundFor } from './access.ts';
import { setClosesAt } from './repository.ts';
import { closeAndRelease, settleRound } from './settle-round.ts';

const CLOSED = 'This round has closed. A closed round stays closed; you can start a new one.';

async function openRound(ctx: Pick<AppContext, 'db' | 'now'>, actor: Actor, roundId: string) {
	const round = await settleRound(ctx, await roundFor(ctx.db, actor, roundId, 'feedback.manage'));
	if (round.closed_at) throw new DomainError('conflict', CLOSED);
	return round;
}

/** Moves the closing day later (never earlier: closing early is its own step). */
export async function extendRound(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; roundId: string; closesOn: string }
): Promise<void> {
	const round = await openRound(ctx, input.actor, input.roundId);
	const closesOn = input.closesOn.trim();
	// Said once, beside the date; the summary above the form only points to it.
	const refuse = (problem: string) =>
		new DomainError('invalid_input', 'Please check the date.', { fields: { closesOn: problem } });
	const problem = closingDayProblem(closesOn, todayFor(ctx.now()));
	if (problem) throw refuse(problem);
	const closesAt = closingInstant(closesOn);
	if (closesAt <= round.closes_at)
		throw refuse(
			`Pick a day after the current closing day, ${formatLongDate(closingDay(round.closes_at))}.`
		);
	if (!(await setClosesAt(ctx.db, round.id, closesAt))) throw new DomainError('conflict', CLOSED);
}

/**
 * Closes the round now and releases what can be shown. The person confirms first: people who
 * have not answered, some perhaps half-way through, can answer no more.
 */
export async function closeRoundEarly(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; roundId: string; confirmed: boolean }
): Promise<void> {
	const round = await openRound(ctx, input.actor, input.roundId);
	if (!input.confirmed) {
		const problem =
			'Tick the box to close the round: people who have not answered can answer no more.';
		throw new DomainError('invalid_input', problem, { fields: { confirm: problem } });
	}
	await closeAndRelease(ctx, round, ctx.now().toISOString());
}
