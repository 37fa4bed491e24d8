import type { RelianceAnalysis } from './network.ts';

/**
 * A team's reliance in figures with no one named (decision 0035): what a member may see, and
 * what a round keeps for the team's trail (median position beside it comes from the spread).
 * `names` is filled only when the reader may see who is who (the coach).
 */
export interface RelianceFigures {
	size: number;
	tiedPairs: number;
	bothWaysPairs: number;
	reciprocity: number | null;
	density: number | null;
	isolated: number;
	bottlenecks: number;
	carriers: number;
	oneSidedTies: number;
	tieCount: number;
}

export interface RelianceNames {
	isolated: string[];
	bottlenecks: string[];
	carriers: string[];
}

export function relianceFigures({ team }: RelianceAnalysis): RelianceFigures {
	return {
		size: team.size,
		tiedPairs: team.tiedPairs,
		bothWaysPairs: team.bothWaysPairs,
		reciprocity: team.reciprocity,
		density: team.density,
		isolated: team.isolates.length,
		bottlenecks: team.bottlenecks.length,
		carriers: team.carriers.length,
		oneSidedTies: team.oneSidedTies,
		tieCount: team.tieCount
	};
}

/** Who the isolated people, bottlenecks and carriers are, by name: for the coach only. */
export function relianceNames({ team, people }: RelianceAnalysis): RelianceNames {
	const name = (ids: string[]) => ids.map((id) => people.find((p) => p.id === id)!.name);
	return {
		isolated: name(team.isolates),
		bottlenecks: name(team.bottlenecks),
		carriers: name(team.carriers)
	};
}
