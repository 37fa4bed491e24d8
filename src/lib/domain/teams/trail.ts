import { analyseReliance, type RelianceAnalysis } from './network.ts';
import { MAP_MIN_CHECK_INS } from './rules.ts';
import { summariseSpread } from './spread.ts';

/**
 * One round of a team's check-in, in the few team-level figures the trail shows (issue 12 §6).
 * Frozen when the round closes, so someone leaving later does not rewrite the team's history.
 */
export interface RoundSummary {
	/** Completed check-ins. */
	completed: number;
	/** Whether there were enough check-ins to show anything. */
	shown: boolean;
	median: number | null;
	teamMedian: number | null;
	reciprocity: number | null;
	density: number | null;
	isolates: number | null;
}

export interface RoundInput {
	checkIns: readonly {
		userId: string;
		name: string;
		overall: number | null;
		team: number | null;
	}[];
	answers: Parameters<typeof analyseReliance>[1];
}

const scored = (values: readonly (number | null)[]) =>
	values.filter((v): v is number => v !== null).map((score) => ({ score }));

/** A round's network and summary, computed once (null network below the map's threshold). */
export function analyseRound(input: RoundInput): {
	network: RelianceAnalysis | null;
	summary: RoundSummary;
} {
	const completed = input.checkIns.length;
	if (completed < MAP_MIN_CHECK_INS)
		return {
			network: null,
			summary: {
				completed,
				shown: false,
				median: null,
				teamMedian: null,
				reciprocity: null,
				density: null,
				isolates: null
			}
		};
	const overall = summariseSpread(scored(input.checkIns.map((c) => c.overall)));
	const team = summariseSpread(scored(input.checkIns.map((c) => c.team)));
	const network = analyseReliance(
		input.checkIns.map((c) => ({ id: c.userId, name: c.name })),
		input.answers
	);
	return {
		network,
		summary: {
			completed,
			shown: true,
			median: overall.median,
			teamMedian: team.median,
			reciprocity: network.team.reciprocity,
			density: network.team.density,
			isolates: network.team.isolates.length
		}
	};
}

export const summariseRound = (input: RoundInput): RoundSummary => analyseRound(input).summary;
