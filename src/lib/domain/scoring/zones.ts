import { distanceFromMidpoint, LEAN_THRESHOLD, leanFor } from '../lean.ts';

/**
 * Where a position falls on the continuum, in words. Positions run from −100 (independent pole)
 * to +100 (dependent pole).
 *
 * Thresholds (our choice, v1):
 * - |P| < 15: near the midpoint, the line every lean is read by (see ../lean.ts).
 * - 15 ≤ |P| ≤ 50: a lean (independent when P < 0, dependent when P > 0).
 * - |P| > 50: a strong lean: the pole scale is answered at least half the scale above the other.
 * - p_DEP ≥ .75 and p_IND ≥ .75 in a domain: pulled both ways, whatever P says, because a
 *   midpoint dot would hide two strong pulls.
 */
export const ZONE_THRESHOLDS = {
	midpoint: LEAN_THRESHOLD,
	strong: 50,
	bothWaysProportion: 0.75
} as const;

export const ZONES = [
	'strong-independent',
	'independent',
	'midpoint',
	'dependent',
	'strong-dependent',
	'pulled-both-ways'
] as const;

export type Zone = (typeof ZONES)[number];

export function zoneFor(position: number, pulledBothWays: boolean): Zone {
	if (pulledBothWays) return 'pulled-both-ways';
	const lean = leanFor(position);
	if (lean === 'mixed') return 'midpoint';
	// Compared at the precision of the lean itself, so −50.000000000000014 is not "strong".
	const strong = distanceFromMidpoint(position) > ZONE_THRESHOLDS.strong;
	return strong ? `strong-${lean}` : lean;
}

/** Both pole scales strong at once: the person is pulled towards both ends. */
export function isPulledBothWays(dependence: number, independence: number): boolean {
	return (
		dependence >= ZONE_THRESHOLDS.bothWaysProportion &&
		independence >= ZONE_THRESHOLDS.bothWaysProportion
	);
}
