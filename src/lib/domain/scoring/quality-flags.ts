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
	'even-odd-inconsistent',
	'both-poles-high',
	'too-fast',
	'attention-missed'
] as const;
export type QualityFlag = (typeof QUALITY_FLAGS)[number];

export const QUALITY_THRESHOLDS = {
	/** Identical consecutive answers in presentation order. */
	longestRun: 12,
	/** Intra-individual SD of the raw answers. */
	minimumSpread: 0.5,
	/** Even-odd consistency (see evenOddConsistency). */
	minimumEvenOdd: 0.3,
	/** Domains with both poles high (pulled both ways). */
	bothPolesDomains: 2,
	/** Seconds per item below which a page counts as rushed. */
	secondsPerItem: 2,
	/** Share of pages rushed at or above which the result is flagged. */
	rushedShare: 1 / 3
} as const;

export type PageTiming = { itemCount: number; ms: number };

const oddMeans = new Float64Array(CELL_COUNT);
const evenMeans = new Float64Array(CELL_COUNT);

/**
 * Even-odd consistency: for each cell, the mean of its odd items (1, 3, 5) and of its even items
 * (2, 4, 6, after rekeying); then the Pearson correlation of the nine odd-half means with the
 * nine even-half means. Someone who reads the lines gives both halves of a cell similar
 * answers, so the correlation is high; random answering drives it towards 0. We report the raw
 * half-length correlation, without the Spearman–Brown step-up, and compare it with .30.
 * Null when fewer than three cells have both halves or a half shows no variation at all
 * (then the longstring and spread flags speak instead).
 */
export function evenOddConsistency(rekeyed: Float64Array): number | null {
	let cells = 0;
	for (let cell = 0; cell < CELL_COUNT; cell++) {
		let oddSum = 0;
		let oddCount = 0;
		let evenSum = 0;
		let evenCount = 0;
		for (let item = 0; item < ITEMS_PER_CELL; item++) {
			const value = rekeyed[cell * ITEMS_PER_CELL + item]!;
			if (value !== value) continue;
			// item index 0 is item number 1 (odd)
			if (item % 2 === 0) {
				oddSum += value;
				oddCount++;
			} else {
				evenSum += value;
				evenCount++;
			}
		}
		if (oddCount === 0 || evenCount === 0) continue;
		oddMeans[cells] = oddSum / oddCount;
		evenMeans[cells] = evenSum / evenCount;
		cells++;
	}
	if (cells < 3) return null;
	return pearson(oddMeans, evenMeans, cells);
}

function pearson(x: Float64Array, y: Float64Array, n: number): number | null {
	let meanX = 0;
	let meanY = 0;
	for (let i = 0; i < n; i++) {
		meanX += x[i]!;
		meanY += y[i]!;
	}
	meanX /= n;
	meanY /= n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		const dx = x[i]! - meanX;
		const dy = y[i]! - meanY;
		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	}
	return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/** True when a third or more of the timed pages went faster than 2 s per item. */
export function rushedPages(pageTimings: readonly PageTiming[]): boolean {
	let pages = 0;
	let rushed = 0;
	for (const page of pageTimings) {
		if (page.itemCount <= 0) continue;
		pages++;
		if (page.ms < page.itemCount * QUALITY_THRESHOLDS.secondsPerItem * 1000) rushed++;
	}
	return pages > 0 && rushed >= pages * QUALITY_THRESHOLDS.rushedShare;
}

export type FlagInputs = {
	pattern: ResponsePattern;
	rekeyed: Float64Array;
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
	const evenOdd = evenOddConsistency(inputs.rekeyed);
	if (evenOdd !== null && evenOdd < QUALITY_THRESHOLDS.minimumEvenOdd) {
		flags.push('even-odd-inconsistent');
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
