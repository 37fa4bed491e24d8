import type { PersonReliance, TeamReliance } from './network.ts';

/**
 * What stands out in a team's reliance, in plain words, each with one thing to try (decision
 * 0035). The suggestions name teammates from the data, so a coach can act on them as they read.
 */
export type RelianceFlagKind = 'isolate' | 'bottleneck' | 'carrier' | 'no-ties' | 'one-way-team';

export interface RelianceFlag {
	kind: RelianceFlagKind;
	/** The person the flag is about; absent for a flag about the whole team. */
	personId?: string;
	text: string;
	suggestion: string;
}

/** Below this share of tied pairs going both ways, the team reads as one-way. */
export const ONE_WAY_TEAM_RECIPROCITY = 0.2;

export function relianceFlags(people: PersonReliance[], team: TeamReliance): RelianceFlag[] {
	const flags: RelianceFlag[] = [];
	if (team.size >= 2 && team.tieCount === 0) {
		flags.push({
			kind: 'no-ties',
			text: 'Nobody in the team named anyone they rely on, or anyone who relies on them.',
			suggestion:
				'Give the team one piece of work that needs two people at a time, then run the check-in again.'
		});
		return flags;
	}
	const partners = partnerQueue(people);
	for (const p of people) {
		if (p.isolate) flags.push(isolateFlag(p, partners));
		if (p.bottleneck) flags.push(bottleneckFlag(p, people));
		if (p.carrier) flags.push(carrierFlag(p, people));
	}
	if (
		team.tiedPairs >= 3 &&
		team.reciprocity !== null &&
		team.reciprocity < ONE_WAY_TEAM_RECIPROCITY
	) {
		flags.push({
			kind: 'one-way-team',
			text: `Few ties go both ways: ${percent(team.reciprocity)} of the pairs who rely on each other at all do so in both directions.`,
			suggestion:
				'At the next team meeting, ask each person to bring one question to someone who usually comes to them.'
		});
	}
	return flags;
}

function isolateFlag(p: PersonReliance, partners: () => PersonReliance | undefined): RelianceFlag {
	const partner = partners();
	return {
		kind: 'isolate',
		personId: p.id,
		text: p.answered
			? `${p.name} has no reliance ties: they named nobody, and nobody named them.`
			: `${p.name} has no reliance ties: they gave no answers, and nobody named them.`,
		suggestion: partner
			? `Pair ${p.name} with ${partner.name}, who has ties that go both ways, on one piece of work in the next two weeks.`
			: `Ask ${p.name}, one to one, whom they would go to first in the team, and introduce them.`
	};
}

/**
 * Partners for isolated people: those whose ties most often go both ways, leaving out the
 * bottlenecks and carriers (already leaned on); each next isolated person gets the next partner.
 */
function partnerQueue(people: PersonReliance[]): () => PersonReliance | undefined {
	const tied = people.filter((p) => !p.isolate);
	const unloaded = tied.filter((p) => !p.bottleneck && !p.carrier);
	const queue = (unloaded.length ? unloaded : tied).toSorted(
		(a, b) => b.bothWays - a.bothWays || a.tiedTo - b.tiedTo || a.number - b.number
	);
	let next = 0;
	return () => (queue.length ? queue[next++ % queue.length] : undefined);
}

function bottleneckFlag(p: PersonReliance, people: PersonReliance[]): RelianceFlag {
	const pair = unlinkedNeighbours(p, people);
	return {
		kind: 'bottleneck',
		personId: p.id,
		text: `${percent(p.betweenness)} of the routes between two teammates pass through ${p.name}: when ${p.name} is away, others lose their link.`,
		suggestion: pair
			? `Ask ${pair[0].name} and ${pair[1].name}, who are both tied to ${p.name} but not to each other, to take one question straight to each other this month.`
			: `Ask ${p.name} to introduce two of the people who come to them to each other.`
	};
}

/** Two of the person's teammates with no tie between them, the least tied first. */
function unlinkedNeighbours(
	p: PersonReliance,
	people: PersonReliance[]
): [PersonReliance, PersonReliance] | undefined {
	const byId = new Map(people.map((q) => [q.id, q]));
	const neighbourIds = new Set([...p.reliesOn, ...p.reliedOnBy].map((t) => t.id));
	const neighbours = [...neighbourIds]
		.map((id) => byId.get(id)!)
		.toSorted((a, b) => a.tiedTo - b.tiedTo || a.number - b.number);
	for (const [i, a] of neighbours.entries()) {
		const linked = new Set([...a.reliesOn, ...a.reliedOnBy].map((t) => t.id));
		const b = neighbours.slice(i + 1).find((q) => !linked.has(q.id));
		if (b) return [a, b];
	}
	return undefined;
}

function carrierFlag(p: PersonReliance, people: PersonReliance[]): RelianceFlag {
	const byId = new Map(people.map((q) => [q.id, q]));
	const leaning = p.reliedOnBy
		.map((t) => byId.get(t.id)!)
		.toSorted((a, b) => b.inDegree - a.inDegree || a.number - b.number);
	const first = leaning[0];
	return {
		kind: 'carrier',
		personId: p.id,
		text: `${p.inDegree} people rely on ${p.name}, and ${p.name} relies on nobody in the team.`,
		suggestion: first
			? `Ask ${p.name} to take one question of their own to ${first.name} this month, so that reliance runs both ways.`
			: `Ask ${p.name} whom in the team they could go to for advice.`
	};
}

export const percent = (share: number) => `${Math.round(share * 100)}%`;
