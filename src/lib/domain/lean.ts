/**
 * Which way a result leans. Positions run from −100 (independent pole) to +100 (dependent pole).
 * A result 15 points or more from the midpoint is a lean; nearer is "mixed". A domain position's
 * SEM is about 12 points under the default norms, so a dot closer than 15 cannot be told apart
 * from the midpoint with any confidence. Every place that speaks of a lean (the result's zone, the
 * journal's step 2, the action suggestions, the roster) reads it from here.
 */
export const LEAN_THRESHOLD = 15;

export type Lean = 'independent' | 'dependent' | 'mixed';

/**
 * Distance from the midpoint at a sensible precision: floating-point sums can land a hair short
 * of a threshold (−14.999999999999998), and the lean must agree with the rounded number a person
 * is shown.
 */
export function distanceFromMidpoint(position: number): number {
	return Math.round(Math.abs(position) * 1e6) / 1e6;
}

/**
 * The lean of a position. No result (or no position) is "mixed", and so is a result pulled both
 * ways: a lean would hide that both poles pull strongly at once.
 */
export function leanFor(position: number | null | undefined, pulledBothWays = false): Lean {
	if (position === null || position === undefined || Number.isNaN(position)) return 'mixed';
	if (pulledBothWays || distanceFromMidpoint(position) < LEAN_THRESHOLD) return 'mixed';
	return position < 0 ? 'independent' : 'dependent';
}
