import { ITEMS_PER_CELL } from '../../content/instrument/codes.ts';
import { CELL_COUNT } from './item-layout.ts';
import type { AssessmentScore } from './score-assessment.ts';

/**
 * The quality-flag rules as they were before decision 0026, kept only so the flag study can show
 * "before" beside "after". Nothing in the app uses them.
 */
export const PREVIOUS_MINIMUM_EVEN_ODD = 0.3;

const oddMeans = new Float64Array(CELL_COUNT);
const evenMeans = new Float64Array(CELL_COUNT);

/**
 * Even-odd consistency: for each cell, the mean of its odd items (1, 3, 5) and of its even items
 * (2, 4, 6, after rekeying); then the Pearson correlation of the nine odd-half means with the
 * nine even-half means. Null when fewer than three cells have both halves or a half does not vary.
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
	let meanX = 0;
	let meanY = 0;
	for (let i = 0; i < cells; i++) {
		meanX += oddMeans[i]!;
		meanY += evenMeans[i]!;
	}
	meanX /= cells;
	meanY /= cells;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < cells; i++) {
		const dx = oddMeans[i]! - meanX;
		const dy = evenMeans[i]! - meanY;
		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	}
	return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/**
 * The previous flag set for one result: the current score's flags minus the two new ones, plus
 * even-odd < .30. (Longstring, spread, both poles, speed and attention kept their rules.)
 */
export function previousFlags(score: AssessmentScore, rekeyed: Float64Array): string[] {
	const flags: string[] = score.flags.filter(
		(flag) => flag !== 'repeating-pattern' && flag !== 'inconsistent-scales'
	);
	const evenOdd = evenOddConsistency(rekeyed);
	if (evenOdd !== null && evenOdd < PREVIOUS_MINIMUM_EVEN_ODD) flags.push('even-odd-inconsistent');
	return flags;
}
