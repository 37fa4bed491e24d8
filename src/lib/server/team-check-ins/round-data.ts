import { asRelianceAnswers } from '../../domain/teams/rules.ts';
import { summariseRound, type RoundInput, type RoundSummary } from '../../domain/teams/trail.ts';
import type { Db } from '../db/create-db.ts';
import { findRound, markRoundClosed, type TeamRoundRow } from '../teams/repository.ts';
import { listCompletedCheckIns, listNetworkTies } from './repository.ts';

export type RoundData = RoundInput;

/** A round's completed check-ins and their survey answers: what its map and network are made of. */
export async function loadRoundData(db: Db, roundId: string): Promise<RoundData> {
	const [checkIns, ties] = await Promise.all([
		listCompletedCheckIns(db, roundId),
		listNetworkTies(db, roundId)
	]);
	return {
		checkIns: checkIns.map((c) => ({
			userId: c.user_id,
			name: c.name,
			overall: c.overall_position,
			team: c.team_position
		})),
		answers: asRelianceAnswers(ties)
	};
}

/** Whether a round takes answers at `now`. */
export const isRoundOpen = (round: TeamRoundRow, now: Date) =>
	!round.closed_at && round.closes_at > now.toISOString();

/**
 * Closes the rounds whose closing instant has passed (at that instant), freezing each one's
 * summary once; the conditional update makes two racing readers store one summary.
 */
export async function settleRounds(
	db: Db,
	rounds: TeamRoundRow[],
	now: Date
): Promise<TeamRoundRow[]> {
	const settled: TeamRoundRow[] = [];
	for (const round of rounds) {
		if (round.closed_at || round.closes_at > now.toISOString()) {
			settled.push(round);
			continue;
		}
		settled.push(await closeRound(db, round, round.closes_at));
	}
	return settled;
}

export async function closeRound(db: Db, round: TeamRoundRow, at: string): Promise<TeamRoundRow> {
	const summary = JSON.stringify(summariseRound(await loadRoundData(db, round.id)));
	if (await markRoundClosed(db, round.id, at, summary)) return { ...round, closed_at: at, summary };
	// Someone else closed it a moment ago: theirs is the summary that counts.
	return (await findRound(db, round.id)) ?? round;
}

export function readSummary(round: TeamRoundRow): RoundSummary | null {
	return round.summary ? (JSON.parse(round.summary) as RoundSummary) : null;
}
