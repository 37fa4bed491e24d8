import {
	ATTENTION_EXPECTED,
	CANONICAL_ITEM_IDS,
	CELL_COUNT,
	ITEM_REVERSED,
	PRESENTED_CANONICAL,
	PRESENTED_IDS
} from './item-layout.ts';
import { ITEMS_PER_CELL } from '../../content/instrument/codes.ts';

/**
 * Seeded simulation of people answering the assessment under a graded response model (GRM).
 * Used to derive default norms, to check that scoring recovers known traits, and by benchmarks.
 */

/** sfc32: a small, fast, well-tested 32-bit generator; the same seed gives the same stream. */
export function createRandom(seed: number): () => number {
	let a = 0x9e3779b9;
	let b = 0x243f6a88;
	let c = 0xb7e15162;
	let d = seed >>> 0;
	const next = (): number => {
		a >>>= 0;
		b >>>= 0;
		c >>>= 0;
		d >>>= 0;
		const t = (a + b + d) >>> 0;
		d = (d + 1) >>> 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) >>> 0;
		c = (c << 21) | (c >>> 11);
		c = (c + t) >>> 0;
		return t / 4294967296;
	};
	for (let i = 0; i < 15; i++) next();
	return next;
}

/** Standard normal draw (Box–Muller). */
export function normal(random: () => number): number {
	const u = 1 - random();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * Latent correlations in the default population: the Kronecker product of a domain matrix
 * (the same scale correlates .5 across domains) and a scale matrix (DEP–IND −.2, DEP–MUT −.1,
 * IND–MUT −.4). A Kronecker product of two positive-definite matrices is positive definite.
 */
const domainCorrelation = [
	[1, 0.5, 0.5],
	[0.5, 1, 0.5],
	[0.5, 0.5, 1]
];
const scaleCorrelation = [
	[1, -0.2, -0.1],
	[-0.2, 1, -0.4],
	[-0.1, -0.4, 1]
];
/** The 9 × 9 cell correlations as the Kronecker product of a domain and a scale matrix (3 × 3). */
export function kroneckerCorrelation(
	domains: readonly (readonly number[])[],
	scales: readonly (readonly number[])[]
): number[][] {
	return Array.from({ length: CELL_COUNT }, (_, i) =>
		Array.from(
			{ length: CELL_COUNT },
			(_, j) => domains[Math.floor(i / 3)]![Math.floor(j / 3)]! * scales[i % 3]![j % 3]!
		)
	);
}

export const DEFAULT_LATENT_CORRELATION: number[][] = kroneckerCorrelation(
	domainCorrelation,
	scaleCorrelation
);

export function cholesky(matrix: readonly (readonly number[])[]): number[][] {
	const n = matrix.length;
	const lower = Array.from({ length: n }, () => new Array<number>(n).fill(0));
	for (let i = 0; i < n; i++) {
		for (let j = 0; j <= i; j++) {
			let sum = matrix[i]![j]!;
			for (let k = 0; k < j; k++) sum -= lower[i]![k]! * lower[j]![k]!;
			if (i === j) {
				if (sum <= 0) throw new Error('The latent correlation matrix is not positive definite.');
				lower[i]![i] = Math.sqrt(sum);
			} else lower[i]![j] = sum / lower[j]![j]!;
		}
	}
	return lower;
}

export type ItemParameters = {
	discrimination: number;
	thresholds: [number, number, number, number];
};

/** GRM parameters per canonical item: discriminations 1.3–2.5, thresholds spread around a shift. */
export function itemParameters(seed = 54): ItemParameters[] {
	const random = createRandom(seed);
	return CANONICAL_ITEM_IDS.map(() => {
		const discrimination = 1.3 + 1.2 * random();
		const shift = random() - 0.5;
		return { discrimination, thresholds: [-1.6 + shift, -0.5 + shift, 0.5 + shift, 1.6 + shift] };
	});
}

/** One GRM answer: 1 + the number of category boundaries the person passes. */
export function gradedResponse(theta: number, item: ItemParameters, random: () => number): number {
	const u = random();
	let answer = 1;
	for (const threshold of item.thresholds) {
		if (u < 1 / (1 + Math.exp(-item.discrimination * (theta - threshold)))) answer++;
	}
	return answer;
}

export type SimulatedRespondent = {
	/** Latent traits per cell, canonical order (FAM_DEP, FAM_IND, FAM_MUT, …). */
	traits: number[];
	answers: Record<string, number | undefined>;
};

export type SimulationOptions = {
	respondents: number;
	seed: number;
	latentCorrelation?: readonly (readonly number[])[];
	/** Chance that any one scored item is left blank. */
	missingRate?: number;
	/** Answer the attention item correctly. */
	attention?: boolean;
	/** GRM parameters per canonical item; defaults to itemParameters(). */
	parameters?: readonly ItemParameters[];
	/**
	 * Given latent traits, one row of nine per person (e.g. the same people sitting twice); then
	 * `respondents` is ignored and no traits are drawn.
	 */
	traits?: readonly (readonly number[])[];
};

export function simulateRespondents(options: SimulationOptions): SimulatedRespondent[] {
	const random = createRandom(options.seed);
	const lower = cholesky(options.latentCorrelation ?? DEFAULT_LATENT_CORRELATION);
	const parameters = options.parameters ?? itemParameters();
	const missingRate = options.missingRate ?? 0;
	const people: SimulatedRespondent[] = [];
	const z = new Array<number>(CELL_COUNT);
	const count = options.traits?.length ?? options.respondents;
	for (let person = 0; person < count; person++) {
		let traits: number[];
		if (options.traits) traits = [...options.traits[person]!];
		else {
			for (let i = 0; i < CELL_COUNT; i++) z[i] = normal(random);
			traits = lower.map((row) => row.reduce((sum, weight, k) => sum + weight * z[k]!, 0));
		}
		const answers: Record<string, number | undefined> = {};
		// Fill in presentation order, so object key order matches what a form would submit.
		for (let i = 0; i < PRESENTED_IDS.length; i++) {
			const id = PRESENTED_IDS[i]!;
			const index = PRESENTED_CANONICAL[i]!;
			if (index < 0) {
				if (options.attention) answers[id] = ATTENTION_EXPECTED;
				continue;
			}
			const theta = traits[Math.floor(index / ITEMS_PER_CELL)]!;
			// A reversed item is worded as the opposite behaviour, so it tracks −θ.
			const answer = gradedResponse(
				ITEM_REVERSED[index] ? -theta : theta,
				parameters[index]!,
				random
			);
			answers[id] = missingRate > 0 && random() < missingRate ? undefined : answer;
		}
		people.push({ traits, answers });
	}
	return people;
}
