import { DOMAINS, DOMAIN_NAMES, ITEMS_PER_CELL } from '../../content/instrument/codes.ts';
import { cronbachAlpha } from './item-statistics.ts';
import { CANONICAL_ITEM_IDS, CELL_COUNT, ITEM_REVERSED } from './item-layout.ts';
import type { Norms } from './norms.ts';
import {
	LIKELY_CHANGE_Z,
	RELIABLE_CHANGE_Z,
	BAND_Z,
	confidenceBand,
	positionComposite,
	reliableChange,
	type Band
} from './precision.ts';
import { changeBetween } from './score-change.ts';
import type { Answers } from './read-answers.ts';
import { rekey } from './reverse-keying.ts';
import type { AssessmentScore } from './score-assessment.ts';

/** What norms hold besides where they came from: the nine cells' SDs, alphas and correlations. */
export type NormFigures = Pick<Norms, 'cellSd' | 'cellAlpha' | 'cellCorrelation'>;

const round = (value: number): number => Math.round(value * 1e4) / 1e4;

/** True when every one of the 54 scored items is answered: norms use complete results only. */
export function isComplete(answers: Answers): boolean {
	return CANONICAL_ITEM_IDS.every((id) => typeof answers[id] === 'number');
}

/**
 * The cells' SDs (n − 1) of the proportion score, their correlations and Cronbach's alphas,
 * from complete answer sets, rounded to 4 decimals (as the default norms are). Null when a cell
 * has the same score for everyone: its correlations would be undefined.
 */
export function normFiguresFrom(people: readonly Answers[]): NormFigures | null {
	const cellRows: number[][][] = Array.from({ length: CELL_COUNT }, () => []);
	const proportions = people.map((answers) =>
		Array.from({ length: CELL_COUNT }, (_, cell) => {
			const values = Array.from({ length: ITEMS_PER_CELL }, (_, i) => {
				const index = cell * ITEMS_PER_CELL + i;
				return rekey(answers[CANONICAL_ITEM_IDS[index]!] as number, ITEM_REVERSED[index] === 1);
			});
			cellRows[cell]!.push(values);
			return (values.reduce((sum, value) => sum + value, 0) / ITEMS_PER_CELL - 1) / 4;
		})
	);
	const n = proportions.length;
	if (n < 2) return null;
	const cells = Array.from({ length: CELL_COUNT }, (_, cell) => cell);
	const means = cells.map((cell) => proportions.reduce((sum, row) => sum + row[cell]!, 0) / n);
	const covariance = (i: number, j: number): number =>
		proportions.reduce((sum, row) => sum + (row[i]! - means[i]!) * (row[j]! - means[j]!), 0) /
		(n - 1);
	const sd = cells.map((cell) => Math.sqrt(covariance(cell, cell)));
	if (sd.some((value) => !(value > 0))) return null;
	const alphas = cellRows.map((rows) => cronbachAlpha(rows));
	if (alphas.some((alpha) => alpha === null)) return null;
	return {
		cellSd: sd.map(round),
		cellAlpha: alphas.map((alpha) => round(alpha!)),
		cellCorrelation: cells.map((i) =>
			cells.map((j) => (i === j ? 1 : round(covariance(i, j) / (sd[i]! * sd[j]!))))
		)
	};
}

/** A practice's adopted norms as the scorer takes them. */
export function practiceNorms(adopted: {
	id: string;
	respondents: number;
	adoptedAt: string;
	figures: NormFigures;
}): Norms {
	return {
		source: 'practice',
		id: adopted.id,
		respondents: adopted.respondents,
		description: `The practice's own norms: ${adopted.respondents} clean results, adopted ${adopted.adoptedAt}.`,
		// Only the three figures, whatever else the object carries.
		...pick(adopted.figures)
	};
}

/** The domains a result's overall position rests on, as positionComposite's mask. */
function scoredMask(score: AssessmentScore): number {
	return DOMAINS.reduce(
		(mask, code, d) => (score.domains[code].scored ? mask | (1 << d) : mask),
		0
	);
}

/** The overall band a stored result would have under other norms (its position is unchanged). */
export function bandUnder(score: AssessmentScore, norms: Norms): Band | null {
	const mask = scoredMask(score);
	if (score.position === null || mask === 0) return null;
	return confidenceBand(score.position, positionComposite(norms, mask).sem);
}

export type PrecisionRow = {
	label: string;
	/** Half the width of the 90% band, in points. */
	band: number;
	/** The smallest move called "a real change" and "probably a real change", in points. */
	reliableChange: number;
	likelyChange: number;
};

/** Band widths and change thresholds, overall and per domain, for a preview of two sets of norms. */
export function precisionRows(norms: NormFigures): PrecisionRow[] {
	const asNorms: Norms = { source: 'practice', description: '', ...pick(norms) };
	const targets = [
		{ label: 'Overall', mask: 7 },
		...DOMAINS.map((code, d) => ({ label: DOMAIN_NAMES[code], mask: 1 << d }))
	];
	return targets.map(({ label, mask }) => {
		const { sem } = positionComposite(asNorms, mask);
		const spread = Math.SQRT2 * sem;
		return {
			label,
			band: BAND_Z * sem,
			reliableChange: RELIABLE_CHANGE_Z * spread,
			likelyChange: LIKELY_CHANGE_Z * spread
		};
	});
}

export type VerdictShift = {
	/** Clients with two results, both with an overall position. */
	pairs: number;
	/** Whose latest change would be called more certain (e.g. "probably" → "real") under `norms`. */
	stronger: number;
	/** Whose latest change would be called less certain (e.g. "real" → "within the noise"). */
	weaker: number;
};

const VERDICT_RANK = { 'within-noise': 0, likely: 1, reliable: 2 } as const;

/**
 * How the verdicts on clients' latest changes would move if both results had been scored with
 * `norms`: the positions stay, only the SEMs (and so the RCI) change. Counts only.
 */
export function verdictShift(
	pairs: readonly { before: AssessmentScore; after: AssessmentScore }[],
	norms: NormFigures
): VerdictShift {
	const asNorms: Norms = { source: 'practice', description: '', ...pick(norms) };
	const shift: VerdictShift = { pairs: 0, stronger: 0, weaker: 0 };
	for (const { before, after } of pairs) {
		const now = changeBetween(before, after);
		const beforeBand = bandUnder(before, asNorms);
		const afterBand = bandUnder(after, asNorms);
		if (!now || !beforeBand || !afterBand) continue;
		shift.pairs++;
		const then = reliableChange(
			{ position: before.position!, sem: beforeBand.sem },
			{ position: after.position!, sem: afterBand.sem }
		);
		const move = VERDICT_RANK[then.verdict] - VERDICT_RANK[now.verdict];
		if (move > 0) shift.stronger++;
		if (move < 0) shift.weaker++;
	}
	return shift;
}

function pick(norms: NormFigures): NormFigures {
	return {
		cellSd: norms.cellSd,
		cellAlpha: norms.cellAlpha,
		cellCorrelation: norms.cellCorrelation
	};
}
