import { percent } from './network-flags.ts';
import type { PersonReliance, RelianceAnalysis, TieEnd } from './network.ts';

/**
 * The reliance network in words, shared by the drawing's description, its table and its legend,
 * so the picture and the words cannot drift apart (decision 0035).
 */
export type RelianceMark = 'bottleneck' | 'carrier' | 'isolate' | 'tied';

/** The mark a person is drawn with. Someone both a bottleneck and a carrier shows as a bottleneck. */
export function markOf(p: PersonReliance): RelianceMark {
	if (p.bottleneck) return 'bottleneck';
	if (p.carrier) return 'carrier';
	if (p.isolate) return 'isolate';
	return 'tied';
}

export const MARK_WORDS: Record<RelianceMark, string> = {
	bottleneck: 'Bottleneck',
	carrier: 'One-way carrier',
	isolate: 'No ties',
	tied: 'Tied to others'
};

/** Everything that stands out about a person, in words ("—" for nothing). */
export function standsOut(p: PersonReliance): string {
	const words = [
		p.bottleneck ? `Bottleneck (${percent(p.betweenness)} of routes)` : '',
		p.carrier ? `One-way carrier (relied on by ${p.inDegree}, relies on nobody)` : '',
		p.isolate ? 'No ties either way' : ''
	].filter(Boolean);
	return words.length ? words.join('; ') : '—';
}

/** "Ben (often, both ways)". */
export const tieWords = (t: TieEnd) =>
	`${t.name} (${t.strength}${t.bothWays ? ', both ways' : ''})`;

export function shareWords(part: number, whole: number): string {
	return whole ? `${part} of ${whole} (${percent(part / whole)})` : '—';
}

const list = (names: string[]) =>
	names.length <= 1
		? (names[0] ?? '')
		: `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** One paragraph a screen reader hears for the drawing. */
export function describeReliance({ people, team, layout }: RelianceAnalysis): string {
	const name = (ids: string[]) => list(ids.map((id) => people.find((p) => p.id === id)!.name));
	const sentences = [
		`${team.size} people and ${team.tieCount} ties of reliance.`,
		team.tiedPairs
			? `${shareWords(team.bothWaysPairs, team.tiedPairs)} tied pairs rely on each other both ways.`
			: 'Nobody named a tie.',
		team.bottlenecks.length ? `Bottleneck: ${name(team.bottlenecks)}.` : '',
		team.carriers.length ? `One-way carrier: ${name(team.carriers)}.` : '',
		team.isolates.length && team.tiedPairs ? `No ties: ${name(team.isolates)}.` : '',
		layout.tiesDrawn === 'of-flagged'
			? 'Only the ties of those who stand out are drawn; the table that follows lists every tie.'
			: 'The table that follows lists every tie.'
	];
	return sentences.filter(Boolean).join(' ');
}
