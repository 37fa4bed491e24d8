/**
 * Where a position falls on the continuum, in words. Positions run from −100 (independent pole)
 * to +100 (dependent pole).
 *
 * Thresholds (our choice, v1):
 * - |P| < 15: near the midpoint. A domain position's SEM is about 12 points under the default
 *   norms, so a dot closer than 15 cannot be told apart from the midpoint with any confidence.
 * - 15 ≤ |P| ≤ 50: a lean (independent when P < 0, dependent when P > 0).
 * - |P| > 50: a strong lean: the pole scale is answered at least half the scale above the other.
 * - p_DEP ≥ .75 and p_IND ≥ .75 in a domain: pulled both ways, whatever P says, because a
 *   midpoint dot would hide two strong pulls.
 */
export const ZONE_THRESHOLDS = {
	midpoint: 15,
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
	// Floating-point sums can land a hair past a threshold (−50.000000000000014): the zone must
	// agree with the rounded number a person is shown, so compare at a sensible precision.
	const distance = Math.round(Math.abs(position) * 1e6) / 1e6;
	if (distance < ZONE_THRESHOLDS.midpoint) return 'midpoint';
	if (position < 0) return distance > ZONE_THRESHOLDS.strong ? 'strong-independent' : 'independent';
	return distance > ZONE_THRESHOLDS.strong ? 'strong-dependent' : 'dependent';
}

/** Both pole scales strong at once: the person is pulled towards both ends. */
export function isPulledBothWays(dependence: number, independence: number): boolean {
	return (
		dependence >= ZONE_THRESHOLDS.bothWaysProportion &&
		independence >= ZONE_THRESHOLDS.bothWaysProportion
	);
}
