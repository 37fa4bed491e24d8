import { DOMAINS } from '../../content/instrument/codes.ts';
import type { Norms } from './norms.ts';

export type Band = { low: number; high: number; sem: number };
export type Composite = { sd: number; reliability: number; sem: number };

/** z for a two-sided 90% band. */
export const BAND_Z = 1.645;
export const RELIABLE_CHANGE_Z = 1.96;
export const LIKELY_CHANGE_Z = 1.645;

/**
 * Mosier's composite reliability for C = Σ wᵢ·Xᵢ:
 *   SD_C² = Σᵢ Σⱼ wᵢ wⱼ sᵢ sⱼ ρᵢⱼ,   r_C = 1 − Σ wᵢ² sᵢ² (1 − αᵢ) / SD_C²,   SEM = SD_C · √(1 − r_C).
 * (So SEM² = Σ wᵢ² sᵢ² (1 − αᵢ): the cells' error variances, weighted.)
 */
export function compositeReliability(
	weights: readonly number[],
	norms: Pick<Norms, 'cellSd' | 'cellAlpha' | 'cellCorrelation'>
): Composite {
	let variance = 0;
	let errorVariance = 0;
	for (let i = 0; i < weights.length; i++) {
		const wi = weights[i]! * norms.cellSd[i]!;
		if (wi === 0) continue;
		errorVariance += wi * wi * (1 - norms.cellAlpha[i]!);
		for (let j = 0; j < weights.length; j++) {
			variance += wi * weights[j]! * norms.cellSd[j]! * norms.cellCorrelation[i]![j]!;
		}
	}
	const sd = Math.sqrt(variance);
	const reliability = variance > 0 ? 1 - errorVariance / variance : 0;
	return { sd, reliability, sem: sd * Math.sqrt(Math.max(0, 1 - reliability)) };
}

/**
 * P over a set of domains is a composite of cell proportions: P = (100 / k) Σ_d (p_DEP,d − p_IND,d),
 * so DEP cells get weight +100/k, IND cells −100/k and MUT cells 0. The SD used is the SD of
 * that composite implied by the norms (equal to the SD of P in the norm sample).
 * `domainMask` has bit d set for each scored domain (FAM = 1, FRI = 2, TEAM = 4).
 */
export function positionComposite(norms: Norms, domainMask: number): Composite {
	const included = DOMAINS.map((_, d) => (domainMask >> d) & 1);
	const k = included.reduce((sum, bit) => sum + bit, 0);
	const weights = new Array<number>(DOMAINS.length * 3).fill(0);
	included.forEach((bit, d) => {
		if (!bit) return;
		weights[d * 3] = 100 / k;
		weights[d * 3 + 1] = -100 / k;
	});
	return compositeReliability(weights, norms);
}

const semTables = new WeakMap<Norms, Float64Array>();

/** SEM of P for each domain mask (index 1..7), computed once per norms object. */
export function positionSemTable(norms: Norms): Float64Array {
	let table = semTables.get(norms);
	if (!table) {
		table = new Float64Array(1 << DOMAINS.length);
		for (let mask = 1; mask < table.length; mask++)
			table[mask] = positionComposite(norms, mask).sem;
		semTables.set(norms, table);
	}
	return table;
}

/** The 90% band around a position, kept on the continuum. */
export function confidenceBand(position: number, sem: number): Band {
	return {
		low: Math.max(-100, position - BAND_Z * sem),
		high: Math.min(100, position + BAND_Z * sem),
		sem
	};
}

export type ChangeVerdict = 'reliable' | 'likely' | 'within-noise';
export type ReliableChange = { delta: number; rci: number; verdict: ChangeVerdict };

/**
 * Jacobson–Truax reliable change: RCI = ΔP / (√2 · SEM). When the two results have different
 * SEMs (e.g. a domain was skipped once) the denominator is √(SEM₁² + SEM₂²), which is the same
 * thing when they are equal.
 */
export function reliableChange(
	before: { position: number; sem: number },
	after: { position: number; sem: number }
): ReliableChange {
	const delta = after.position - before.position;
	const spread = Math.sqrt(before.sem * before.sem + after.sem * after.sem);
	const rci = spread > 0 ? delta / spread : 0;
	const size = Math.abs(rci);
	const verdict =
		size > RELIABLE_CHANGE_Z ? 'reliable' : size > LIKELY_CHANGE_Z ? 'likely' : 'within-noise';
	return { delta, rci, verdict };
}
