import { CELL_COUNT } from './item-layout.ts';
import { ITEMS_PER_CELL } from '../../content/instrument/codes.ts';
import type { ResponsePattern } from './read-answers.ts';

/**
 * Signs that a result may be less accurate. A flagged result is shown with "this may be less
 * accurate — retake?" and left out of norms. Codes are stable; the app words them.
 */
export const QUALITY_FLAGS = [
	'longstring',
	'low-spread',
	'repeating-pattern',
	'inconsistent-scales',
	'both-poles-high',
	'too-fast',
	'attention-missed'
] as const;
export type QualityFlag = (typeof QUALITY_FLAGS)[number];

/**
 * Chosen by simulation (scripts/flag-study.ts, decision 0026; the speed rule by simulated page
 * timings, decision 0032): on two different populations of
 * honest people at most 5% get any flag, while straight-liners, people typing a repeating
 * pattern and (with the attention line) people answering at random are nearly all caught.
 */
export const QUALITY_THRESHOLDS = {
	/** Identical consecutive answers in presentation order. */
	longestRun: 12,
	/** Intra-individual SD of the raw answers. */
	minimumSpread: 0.5,
	/** Share of answers equal to the one `lag` lines earlier, for the best lag in 2–8. */
	repeatingShare: 0.6,
	/** Scale consistency (see scaleConsistency) below which the scales look unread. */
	minimumScaleConsistency: 0.7,
	/** Domains with both poles high (pulled both ways). */
	bothPolesDomains: 2,
	/** Seconds per item below which a page counts as rushed (speed study, decision 0032). */
	secondsPerItem: 1.5,
	/** Share of pages rushed at or above which the result is flagged: half, 3 of 6 pages. */
	rushedShare: 1 / 2
} as const;

export type PageTiming = { itemCount: number; ms: number };

export const PATTERN_LAGS = { shortest: 2, longest: 8 } as const;
const MIN_PATTERN_PAIRS = 20;

/**
 * How strongly the answers repeat a cycle down the page (1-5-1-5…, 1-2-3-4-5…): for each lag
 * from 2 to 8, the share of answers equal to the answer that many lines earlier; the largest
 * share. Neighbouring lines belong to different scales, so honest answers rarely repeat at any
 * fixed distance (at most .55 among 40,000 simulated honest people), while a typed cycle
 * repeats exactly at its own length. `presented` holds raw answers in presentation order, 0 for blank.
 * Null when too few pairs were answered to judge.
 */
export function repeatingShare(presented: Int8Array): number | null {
	let best: number | null = null;
	for (let lag = PATTERN_LAGS.shortest; lag <= PATTERN_LAGS.longest; lag++) {
		let pairs = 0;
		let same = 0;
		for (let i = lag; i < presented.length; i++) {
			const value = presented[i]!;
			const earlier = presented[i - lag]!;
			if (value === 0 || earlier === 0) continue;
			pairs++;
			if (value === earlier) same++;
		}
		if (pairs >= MIN_PATTERN_PAIRS && (best === null || same / pairs > best)) best = same / pairs;
	}
	return best;
}

/**
 * Scale consistency: how much the nine scale means differ from one another, relative to how
 * much the answers within a scale differ (the F ratio of a one-way analysis of variance, scales
 * as groups, answers rekeyed). Someone who reads the lines answers the six lines of a scale
 * alike and the scales differently, so the ratio is well above 1; someone not reading spreads
 * answers evenly over the scales, so it sits near or below 1. It replaces the even-odd
 * correlation, which used only nine pairs of half-scale means and flagged 7–20% of honest
 * simulated people. Null with fewer than three scales of two or more answers, or when no
 * scale varies within itself (then longstring and spread speak).
 */
export function scaleConsistency(rekeyed: Float64Array): number | null {
	let groups = 0;
	let count = 0;
	let total = 0;
	let within = 0;
	let between = 0;
	for (let cell = 0; cell < CELL_COUNT; cell++) {
		let n = 0;
		let sum = 0;
		let squares = 0;
		for (let item = cell * ITEMS_PER_CELL; item < (cell + 1) * ITEMS_PER_CELL; item++) {
			const value = rekeyed[item]!;
			if (value !== value) continue;
			n++;
			sum += value;
			squares += value * value;
		}
		if (n < 2) continue;
		groups++;
		count += n;
		total += sum;
		within += squares - (sum * sum) / n;
		between += (sum * sum) / n;
	}
	if (groups < 3 || !(within > 1e-9)) return null;
	between -= (total * total) / count;
	return between / (groups - 1) / (within / (count - groups));
}

/**
 * True when `rushedShare` or more of the timed pages went faster than `secondsPerItem` a line
 * (the thresholds by default; the speed study tries others).
 */
export function rushedPages(
	pageTimings: readonly PageTiming[],
	rule: { secondsPerItem: number; rushedShare: number } = QUALITY_THRESHOLDS
): boolean {
	let pages = 0;
	let rushed = 0;
	for (const page of pageTimings) {
		if (page.itemCount <= 0) continue;
		pages++;
		if (page.ms < page.itemCount * rule.secondsPerItem * 1000) rushed++;
	}
	return pages > 0 && rushed >= pages * rule.rushedShare - 1e-9;
}

export type FlagInputs = {
	pattern: ResponsePattern;
	rekeyed: Float64Array;
	presented: Int8Array;
	bothPolesDomains: number;
	pageTimings: readonly PageTiming[] | undefined;
	attentionPresented: boolean;
	attentionExpected: number;
};

export function qualityFlags(inputs: FlagInputs): QualityFlag[] {
	const flags: QualityFlag[] = [];
	const { pattern } = inputs;
	if (pattern.longestRun >= QUALITY_THRESHOLDS.longestRun) flags.push('longstring');
	if (pattern.spread !== null && pattern.spread < QUALITY_THRESHOLDS.minimumSpread) {
		flags.push('low-spread');
	}
	const repeating = repeatingShare(inputs.presented);
	if (repeating !== null && repeating >= QUALITY_THRESHOLDS.repeatingShare) {
		flags.push('repeating-pattern');
	}
	const consistency = scaleConsistency(inputs.rekeyed);
	if (consistency !== null && consistency < QUALITY_THRESHOLDS.minimumScaleConsistency) {
		flags.push('inconsistent-scales');
	}
	if (inputs.bothPolesDomains >= QUALITY_THRESHOLDS.bothPolesDomains) flags.push('both-poles-high');
	if (inputs.pageTimings && rushedPages(inputs.pageTimings)) flags.push('too-fast');
	const missed =
		pattern.attention === undefined
			? inputs.attentionPresented
			: pattern.attention !== inputs.attentionExpected;
	if (missed) flags.push('attention-missed');
	return flags;
}
