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
	input: { actor: Actor; roundId: string }
): Promise<{ round: RoundResult; personName: string }> {
	const { round, viewer } = await readableRound(ctx.db, input.actor, input.roundId);
	const owner = await findUserById(ctx.db, round.user_id);
	return {
		// The files are the client's result as a document ("How others see you"), the same
		// whoever downloads them, so they keep the client's own words.
		round: await presentRound(ctx, round, viewer, 'owner'),
		personName: owner?.name ?? 'Client'
	};
}

export async function getRoundReport(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; roundId: string }
): Promise<{ pdf: Buffer; day: string }> {
	const { round, personName } = await getRoundForDownload(ctx, input);
	return { pdf: await renderRoundReport(round, { personName }), day: round.openedOn };
}
