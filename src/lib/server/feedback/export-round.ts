import type { RoundResult } from '../../domain/feedback/round-result.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { renderRoundReport } from '../pdf/round-report.ts';
import { findUserById } from '../users/repository.ts';
import { readableRound } from './access.ts';
import { presentRound } from './view-rounds.ts';

/**
 * A round for a download (PDF, CSV, JSON): the same RoundResult the round page shows, for the
 * same readers (the client; their coach while the client shares it), with whose round it is.
 */
export async function getRoundForDownload(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; roundId: string },
	wordsFor?: RoundResult['viewer']
): Promise<{ round: RoundResult; personName: string }> {
	const { round, viewer } = await readableRound(ctx.db, input.actor, input.roundId);
	const owner = await findUserById(ctx.db, round.user_id);
	return {
		round: await presentRound(ctx, round, viewer, wordsFor ?? viewer),
		personName: owner?.name ?? 'Client'
	};
}

export async function getRoundReport(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; roundId: string }
): Promise<{ pdf: Buffer; day: string }> {
	// The PDF is the client's own report ("How others see you"), in their words whoever prints it.
	const { round, personName } = await getRoundForDownload(ctx, input, 'owner');
	return { pdf: await renderRoundReport(round, { personName }), day: round.openedOn };
}
