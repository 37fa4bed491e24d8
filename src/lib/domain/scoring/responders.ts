import { CANONICAL_ITEM_IDS, ITEM_REVERSED, PRESENTED_IDS } from './item-layout.ts';
import {
	DEFAULT_LATENT_CORRELATION,
	createRandom,
	itemParameters,
	kroneckerCorrelation,
	simulateRespondents,
	type ItemParameters
} from './simulation.ts';

/**
 * Kinds of people answering, for calibrating the quality flags: honest people answer from
 * their traits under a graded response model; the others answer without reading.
 */
export const RESPONDER_KINDS = [
	'honest',
	'random',
	'straight-line',
	'alternating',
	'half-careless'
] as const;
export type ResponderKind = (typeof RESPONDER_KINDS)[number];

export type GenerativeModel = {
	name: string;
	description: string;
	parameters: readonly ItemParameters[];
	latentCorrelation: readonly (readonly number[])[];
};

/** The model behind the default norms. */
export const PROJECT_MODEL: GenerativeModel = {
	name: 'project',
	description:
		'the default-norms model: discriminations 1.3–2.5, symmetric thresholds ±0.5 and ±1.6 ' +
		'around a shift in ±0.5; the same scale correlates .5 across domains; DEP–IND −.2, DEP–MUT ' +
		'−.1, IND–MUT −.4',
	parameters: itemParameters(),
	latentCorrelation: DEFAULT_LATENT_CORRELATION
};

/**
 * A deliberately different population: weaker items (discriminations 0.9–1.9, reversed items
 * 30% weaker still, as worded-opposite items often are), thresholds skewed towards agreeing and
 * spread by a shift in ±0.8, weaker domain links (.3) and stronger scale links.
 */
function alternativeParameters(seed: number): ItemParameters[] {
	const random = createRandom(seed);
	return CANONICAL_ITEM_IDS.map((_, index) => {
		const weaker = ITEM_REVERSED[index] ? 0.7 : 1;
		const discrimination = (0.9 + random()) * weaker;
		const shift = 1.6 * random() - 0.8;
		return {
			discrimination,
			thresholds: [-2.0 + shift, -0.9 + shift, 0.3 + shift, 1.5 + shift]
		};
	});
}

export const ALTERNATIVE_MODEL: GenerativeModel = {
	name: 'alternative',
	description:
		'weaker items: discriminations 0.9–1.9 (reversed items × 0.7), thresholds −2.0, −0.9, ' +
		'+0.3, +1.5 around a shift in ±0.8; the same scale correlates .3 across domains; DEP–IND ' +
		'−.5, DEP–MUT +.2, IND–MUT −.2',
	parameters: alternativeParameters(2027),
	latentCorrelation: kroneckerCorrelation(
		[
			[1, 0.3, 0.3],
			[0.3, 1, 0.3],
			[0.3, 0.3, 1]
		],
		[
			[1, -0.5, 0.2],
			[-0.5, 1, -0.2],
			[0.2, -0.2, 1]
		]
	)
};

export type SimulatedAnswers = Record<string, number | undefined>;

/** Cycles a careless person might type down the page; each starts at a random point. */
export const ALTERNATING_PATTERNS: readonly (readonly number[])[] = [
	[1, 5],
	[2, 4],
	[1, 2, 3, 4, 5],
	[5, 4, 3, 2, 1],
	[1, 2, 3, 4, 5, 4, 3, 2]
];

function uniform(random: () => number): number {
	return 1 + Math.floor(random() * 5);
}

/**
 * `count` people of one kind, every presented line answered (the attention line too). Honest
 * people answer the attention line as asked; the half-careless answer the first half of the
 * lines honestly and the rest at random (the attention line falls in the second half).
 */
export function simulateResponders(
	kind: ResponderKind,
	model: GenerativeModel,
	count: number,
	seed: number
): SimulatedAnswers[] {
	// A stream of its own, so careless answers do not replay the draws behind the honest ones.
	const random = createRandom(seed ^ 0x5bd1e995);
	if (kind === 'honest' || kind === 'half-careless') {
		const people = simulateRespondents({
			respondents: count,
			seed,
			attention: true,
			parameters: model.parameters,
			latentCorrelation: model.latentCorrelation
		});
		if (kind === 'honest') return people.map((person) => person.answers);
		const half = Math.floor(PRESENTED_IDS.length / 2);
		return people.map((person) => {
			const answers = { ...person.answers };
			for (const id of PRESENTED_IDS.slice(half)) answers[id] = uniform(random);
			return answers;
		});
	}
	return Array.from({ length: count }, () => {
		const answers: SimulatedAnswers = {};
		const value = uniform(random);
		const pattern = ALTERNATING_PATTERNS[Math.floor(random() * ALTERNATING_PATTERNS.length)]!;
		const phase = Math.floor(random() * pattern.length);
		PRESENTED_IDS.forEach((id, i) => {
			answers[id] =
				kind === 'random'
					? uniform(random)
					: kind === 'straight-line'
						? value
						: pattern[(i + phase) % pattern.length]!;
		});
		return answers;
	});
}
