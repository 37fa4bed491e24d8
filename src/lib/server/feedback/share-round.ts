import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import { clientResource } from '../assessments/access.ts';
import type { AppContext } from '../context.ts';
import { requireCoachToShareWith } from '../practices/sharing-with-coach.ts';
import { roundFor } from './access.ts';
import { listSharedRoundsOf, setShared } from './repository.ts';
import { settleRound } from './settle-round.ts';

/** The client shares a closed round's pooled result with their coach, or stops sharing it. */
export async function shareRound(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; roundId: string; share: boolean }
): Promise<void> {
	const round = await settleRound(
		ctx,
		await roundFor(ctx.db, input.actor, input.roundId, 'feedback.manage')
	);
	if (input.share && !round.closed_at)
		throw new DomainError('conflict', 'A round can be shared once it has closed.');
	if (input.share) await requireCoachToShareWith(ctx, round.user_id);
	await setShared(ctx.db, round.id, input.share ? ctx.now().toISOString() : null);
}

/** The rounds a client shares with the reader (their coach): what the coach's page links to. */
export async function listSharedRounds(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor; clientId: string }
): Promise<{ id: string; openedOn: string }[]> {
	if (!can(input.actor, 'feedback.read-shared', await clientResource(ctx.db, input.clientId)))
		return [];
	const rounds = await listSharedRoundsOf(ctx.db, input.clientId);
	return rounds.map((round) => ({ id: round.id, openedOn: round.opened_at.slice(0, 10) }));
}
