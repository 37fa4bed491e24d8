import { RELIABLE_CHANGE_Z } from '../scoring/precision.ts';
import { MIN_RATERS_PER_DOMAIN } from './pooling.ts';

export interface OthersFigure {
	/** Mean of the raters' positions. */
	mean: number;
	/** SD (n − 1) of the raters' positions. */
	sd: number;
	n: number;
}

export interface SelfVsOthers {
	/** self − others: negative when the client places themselves nearer the independent pole. */
	difference: number;
	/** 1.96 · √(SEM_self² + SD_raters² / n): the gap that measurement noise alone rarely reaches. */
	threshold: number;
	blindSpot: boolean;
	/** Which way the others see the client, relative to the client's own view. */
	othersSee: 'more-dependent' | 'more-independent' | 'about-the-same';
}

/**
 * The blind-spot rule of PRODUCT §4: a blind spot when
 * |self − others| > 1.96 · √(SEM_self² + SD_raters² / n).
 * The client's own error and the raters' spread both widen what counts as noise; strictly
 * greater, so a gap exactly at the line is not called a blind spot.
 */
export function compareSelfWithOthers(
	self: { position: number; sem: number },
	others: OthersFigure
): SelfVsOthers {
	const difference = self.position - others.mean;
	const threshold =
		RELIABLE_CHANGE_Z * Math.sqrt(self.sem * self.sem + (others.sd * others.sd) / others.n);
	const blindSpot = Math.abs(difference) > threshold;
	const othersSee = !blindSpot
		? 'about-the-same'
		: difference < 0
			? 'more-dependent'
			: 'more-independent';
	return { difference, threshold, blindSpot, othersSee };
}

/**
 * The same rule from raters' positions, for checks by hand. Null below the pooling threshold:
 * with fewer raters nothing is compared, so no single answer can be worked out.
 */
export function blindSpot(
	self: { position: number; sem: number },
	raterPositions: readonly number[]
): { othersMean: number; difference: number; threshold: number; blindSpot: boolean } | null {
	const n = raterPositions.length;
	if (n < MIN_RATERS_PER_DOMAIN) return null;
	const othersMean = raterPositions.reduce((sum, value) => sum + value, 0) / n;
	const variance =
		raterPositions.reduce((sum, value) => sum + (value - othersMean) ** 2, 0) / (n - 1);
	const { difference, threshold, blindSpot } = compareSelfWithOthers(self, {
		mean: othersMean,
		sd: Math.sqrt(variance),
		n
	});
	return { othersMean, difference, threshold, blindSpot };
}
