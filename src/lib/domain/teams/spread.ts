import { formatSigned as signed } from '../../format.ts';
import { distanceFromMidpoint, LEAN_THRESHOLD } from '../lean.ts';

/**
 * Where a team stands on the continuum (decision 0035). Positions run from −100 (independent
 * pole) to +100 (dependent pole), as every result does; "near the midpoint" is the line every lean
 * is read by (../lean.ts): closer than 15 points.
 */
export interface SpreadBin {
	/** Inclusive lower edge. */
	from: number;
	/** Exclusive upper edge, except the last bin, which holds +100. */
	to: number;
	count: number;
}

export interface TeamSpreadSummary {
	count: number;
	bins: SpreadBin[];
	median: number | null;
	/** Quartiles and their distance (the interquartile range): where the middle half stands. */
	lowerQuartile: number | null;
	upperQuartile: number | null;
	interquartileRange: number | null;
	nearMidpoint: number;
	/** Only the entries that carry a name, from the independent pole to the dependent one. */
	named: { name: string; score: number }[];
}

/** Ten bins of 20 points from −100 to +100. */
export const BIN_WIDTH = 20;
const SCALE = { min: -100, max: 100 } as const;

export function summariseSpread(
	positions: readonly { score: number; name?: string }[]
): TeamSpreadSummary {
	const scores = positions
		.map((p) => p.score)
		.filter(Number.isFinite)
		.map(clamp)
		.sort((a, b) => a - b);
	const bins: SpreadBin[] = [];
	for (let from = SCALE.min; from < SCALE.max; from += BIN_WIDTH) {
		bins.push({ from, to: from + BIN_WIDTH, count: 0 });
	}
	for (const score of scores) {
		const index = Math.min(bins.length - 1, Math.floor((score - SCALE.min) / BIN_WIDTH));
		bins[index]!.count++;
	}
	const lower = quantile(scores, 0.25);
	const upper = quantile(scores, 0.75);
	return {
		count: scores.length,
		bins,
		median: quantile(scores, 0.5),
		lowerQuartile: lower,
		upperQuartile: upper,
		interquartileRange: lower === null || upper === null ? null : upper - lower,
		nearMidpoint: scores.filter((s) => distanceFromMidpoint(s) < LEAN_THRESHOLD).length,
		named: namedDots(positions)
	};
}

/**
 * The dots shown with a name. With one dot left without a name, it is that person's by
 * elimination (every member knows who is on the team). With two, each of those two sees their
 * own place on the page and so knows the other unnamed dot is the other person's. So names show
 * only when nobody chose to hide, or at least three did: a choice not to be named has to hold.
 */
function namedDots(positions: readonly { score: number; name?: string }[]) {
	const named = positions
		.filter((p): p is { score: number; name: string } => !!p.name && Number.isFinite(p.score))
		.map((p) => ({ name: p.name, score: clamp(p.score) }))
		.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name, 'en'));
	const unnamed = positions.filter((p) => Number.isFinite(p.score)).length - named.length;
	return unnamed === 0 || unnamed >= 3 ? named : [];
}

/**
 * The q-th quantile of sorted values, interpolating between the two nearest ranks (R's default,
 * type 7; a spreadsheet's QUARTILE.INC): with 1, 2, 3, 4 the quartiles are 1.75 and 3.25.
 */
export function quantile(sorted: readonly number[], q: number): number | null {
	if (sorted.length === 0) return null;
	const at = (sorted.length - 1) * q;
	const below = Math.floor(at);
	const above = Math.min(sorted.length - 1, below + 1);
	return sorted[below]! + (sorted[above]! - sorted[below]!) * (at - below);
}

const clamp = (v: number) => Math.max(SCALE.min, Math.min(SCALE.max, v));

/** The spread in one paragraph: the drawing's description and the sentence beside it. */
export function describeSpread(summary: TeamSpreadSummary): string {
	if (summary.count === 0 || summary.median === null) return 'No positions yet.';
	const { lowerQuartile: low, upperQuartile: high, interquartileRange: iqr } = summary;
	const sentences = [
		`${summary.count} ${summary.count === 1 ? 'person' : 'people'}; the median is ${signed(summary.median)}.`,
		low !== null && high !== null && iqr !== null
			? `The middle half stands between ${signed(low)} and ${signed(high)}, ${Math.round(iqr)} points apart.`
			: '',
		`${summary.nearMidpoint} of ${summary.count} ${summary.nearMidpoint === 1 ? 'is' : 'are'} near the midpoint (within ${LEAN_THRESHOLD} points).`,
		summary.named.length
			? `Shown by name: ${summary.named.map((n) => `${n.name} ${signed(n.score)}`).join(', ')}.`
			: ''
	];
	return sentences.filter(Boolean).join(' ');
}
