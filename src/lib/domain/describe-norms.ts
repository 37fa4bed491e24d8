import { formatPosition } from '../format.ts';

/** Which norms a result's band rests on, and the band under the other set (issue 15). */
export type ResultNorms = {
	used: NormsSet;
	/** The same position's band under the other set, when there is one to compare with. */
	other: (NormsSet & { band: { low: number; high: number } }) | null;
	/** Clean results a practice needs before it can adopt norms of its own. */
	practiceMinimum: number;
	/** The person is a client of a practice (self-guided people have no practice norms). */
	inPractice: boolean;
};

type NormsSet = { kind: 'built-in' | 'practice'; people: number };

const count = (n: number): string => n.toLocaleString('en-GB');
const range = (band: { low: number; high: number }): string =>
	`${formatPosition(band.low)} to ${formatPosition(band.high)}`;

/**
 * The norms behind a result's band in plain words, for the result page and its PDF. The stored
 * band never changes; the other set's band is offered beside it, labelled as such.
 */
export function describeNorms(norms: ResultNorms): string {
	const { used, other } = norms;
	const sentences =
		used.kind === 'practice'
			? [
					`The band uses your practice's own norms: figures pooled from ${count(used.people)} of its clients' clean results, in which no one's answers can be seen.`
				]
			: [
					`The band uses the built-in norms: figures from ${count(used.people)} simulated people, not from real clients.`
				];
	if (other?.kind === 'built-in') {
		sentences.push(`With the built-in norms it would be ${range(other.band)}.`);
	} else if (other?.kind === 'practice') {
		sentences.push(
			`Your practice has since adopted norms of its own (${count(other.people)} clean results); with those the band would be ${range(other.band)}. This result keeps the band it was given.`
		);
	} else if (used.kind === 'built-in' && norms.inPractice) {
		// Said to the client, in their words: no "clean results", no "adopts norms".
		sentences.push(
			`Once your coach's practice has ${norms.practiceMinimum} results of its own, it may use those instead.`
		);
	}
	return sentences.join(' ');
}
