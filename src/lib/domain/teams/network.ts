import Graph, { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { directedDensity } from 'graphology-metrics/graph/density.js';
import { relianceFlags, type RelianceFlag } from './network-flags.ts';
import { layoutReliance, type RelianceLayout } from './network-layout.ts';
import {
	tiesFromAnswers,
	type IgnoredAnswers,
	type RelianceAnswer,
	type RelianceTie,
	type TieStrength
} from './reliance-ties.ts';

/**
 * Who relies on whom in a team, and what stands out (decision 0035). Pure: the caller passes the
 * members and their survey answers; graphology and graphology-metrics do the graph work.
 */
export interface TeamMember {
	id: string;
	name: string;
}

/** One end of a tie, seen from a person. */
export interface TieEnd {
	id: string;
	name: string;
	strength: TieStrength;
	/** The two rely on each other. */
	bothWays: boolean;
}

export interface PersonReliance {
	id: string;
	name: string;
	/** 1, 2, 3… in the table's order (by name); the drawing labels each person with it. */
	number: number;
	/** How many rely on them. */
	inDegree: number;
	/** How many they rely on. */
	outDegree: number;
	reliedOnBy: TieEnd[];
	reliesOn: TieEnd[];
	/** Teammates tied to them either way, and how many of those ties go both ways. */
	tiedTo: number;
	bothWays: number;
	/** bothWays / tiedTo; null with no ties. */
	reciprocity: number | null;
	/** Share of routes between two other teammates that pass through them (0–1). */
	betweenness: number;
	isolate: boolean;
	bottleneck: boolean;
	carrier: boolean;
	/** They gave at least one answer about a teammate. */
	answered: boolean;
}

export interface TeamReliance {
	size: number;
	/** Directed ties: a pair who rely on each other counts twice. */
	tieCount: number;
	/** Pairs tied either way, and those tied both ways. */
	tiedPairs: number;
	bothWaysPairs: number;
	/** bothWaysPairs / tiedPairs; null with no ties. */
	reciprocity: number | null;
	/** Directed ties over the n(n − 1) possible; null for a team under 2. */
	density: number | null;
	isolates: string[];
	bottlenecks: string[];
	carriers: string[];
	/** Ties that rest on one person's word. */
	oneSidedTies: number;
	ignored: IgnoredAnswers;
	/** "Many" for a one-way carrier, in this team. */
	carrierThreshold: number;
}

export interface RelianceAnalysis {
	people: PersonReliance[];
	ties: RelianceTie[];
	team: TeamReliance;
	flags: RelianceFlag[];
	layout: RelianceLayout;
}

/** A bottleneck carries at least this share of the routes between other teammates. */
export const BOTTLENECK_MIN_BETWEENNESS = 0.25;

/**
 * "Many" people relying on a one-way carrier: a quarter of the rest of the team, at least 3 (two
 * is a couple, not many) and at most 10 (nobody carries ten people alone unnoticed).
 */
export function carrierThreshold(teamSize: number): number {
	return Math.min(10, Math.max(3, Math.ceil((teamSize - 1) / 4)));
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

export function analyseReliance(
	people: readonly TeamMember[],
	answers: readonly RelianceAnswer[]
): RelianceAnalysis {
	const members = uniqueMembers(people);
	const { ties, ignored, answered } = tiesFromAnswers(
		members.map((m) => m.id),
		answers
	);

	const directed = new Graph({ type: 'directed', allowSelfLoops: false });
	const undirected = new UndirectedGraph({ allowSelfLoops: false });
	for (const m of members) {
		directed.addNode(m.id);
		undirected.addNode(m.id);
	}
	for (const tie of ties) {
		directed.addEdge(tie.from, tie.to, { strength: tie.strength });
		undirected.mergeEdge(tie.from, tie.to);
	}

	// Routes run along ties whichever way the reliance goes: what a person knows travels to
	// whoever asks them and whoever they ask. Unweighted: 'often' does not shorten a route.
	const betweenness =
		members.length > 2
			? betweennessCentrality(undirected, { getEdgeWeight: null, normalized: true })
			: {};
	const topBetweenness = Math.max(0, ...Object.values(betweenness));
	const many = carrierThreshold(members.length);
	const nameOf = new Map(members.map((m) => [m.id, m.name]));
	const tieEnd = (id: string, strength: TieStrength, bothWays: boolean): TieEnd => ({
		id,
		name: nameOf.get(id)!,
		strength,
		bothWays
	});

	const analysed = members.map((m, index): PersonReliance => {
		const reliesOn = directed.mapOutEdges(m.id, (_e, attr, _s, target) =>
			tieEnd(target, attr.strength, directed.hasEdge(target, m.id))
		);
		const reliedOnBy = directed.mapInEdges(m.id, (_e, attr, source) =>
			tieEnd(source, attr.strength, directed.hasEdge(m.id, source))
		);
		const tiedTo = undirected.degree(m.id);
		const bothWays = reliesOn.filter((t) => t.bothWays).length;
		const between = betweenness[m.id] ?? 0;
		const inDegree = directed.inDegree(m.id);
		const outDegree = directed.outDegree(m.id);
		return {
			id: m.id,
			name: m.name,
			number: index + 1,
			inDegree,
			outDegree,
			reliedOnBy: reliedOnBy.sort(byName),
			reliesOn: reliesOn.sort(byName),
			tiedTo,
			bothWays,
			reciprocity: tiedTo ? bothWays / tiedTo : null,
			betweenness: between,
			isolate: tiedTo === 0,
			bottleneck: topBetweenness >= BOTTLENECK_MIN_BETWEENNESS && topBetweenness - between < 1e-9,
			carrier: inDegree >= many && outDegree === 0,
			answered: answered.has(m.id)
		};
	});

	const tiedPairs = undirected.size;
	const bothWaysPairs = directed.size - tiedPairs;
	const team: TeamReliance = {
		size: members.length,
		tieCount: directed.size,
		tiedPairs,
		bothWaysPairs,
		reciprocity: tiedPairs ? bothWaysPairs / tiedPairs : null,
		density: members.length > 1 ? directedDensity(directed) : null,
		isolates: analysed.filter((p) => p.isolate).map((p) => p.id),
		bottlenecks: analysed.filter((p) => p.bottleneck).map((p) => p.id),
		carriers: analysed.filter((p) => p.carrier).map((p) => p.id),
		oneSidedTies: ties.filter((t) => t.namedBy === 'one').length,
		ignored,
		carrierThreshold: many
	};

	return {
		people: analysed,
		ties,
		team,
		flags: relianceFlags(analysed, team),
		layout: layoutReliance(analysed, ties)
	};
}

/** One entry per id (the first), in the table's order: by name, then id. */
function uniqueMembers(people: readonly TeamMember[]): TeamMember[] {
	const seen = new Map<string, TeamMember>();
	for (const p of people) if (!seen.has(p.id)) seen.set(p.id, p);
	return [...seen.values()].sort(byName);
}

function byName(a: { id: string; name: string }, b: { id: string; name: string }) {
	return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
