import { DOMAINS, ITEMS_PER_CELL } from '../../content/instrument/codes.ts';
import { DEFAULT_NORMS } from './default-norms.ts';
import { CELL_COUNT, ITEM_REVERSED } from './item-layout.ts';
import { positionComposite } from './precision.ts';
import { rekey } from './reverse-keying.ts';
import { PROJECT_MODEL, type GenerativeModel } from './responders.ts';
import { changeBetween } from './score-change.ts';
import { scoreAssessment } from './score-assessment.ts';
import { simulateRespondents, type ItemParameters } from './simulation.ts';
import { normFiguresFrom, practiceNorms } from './local-norms.ts';
import type { Norms } from './norms.ts';

/**
 * Does reliable change keep its promise? The same simulated people sit the assessment twice.
 * With no true change, |RCI| > 1.96 should happen to about 5% of them and > 1.645 to about
 * 10%; with a true change of one SD of the overall position, the study reports how many the
 * app would call a real change.
 */

/** Expected rekeyed answer (1–5) of a person at θ under the GRM, as the simulation answers. */
export function expectedRekeyed(theta: number, item: ItemParameters, reversed: boolean): number {
	const t = reversed ? -theta : theta;
	let expected = 1;
	for (const threshold of item.thresholds) {
		expected += 1 / (1 + Math.exp(-item.discrimination * (t - threshold)));
	}
	return rekey(expected, reversed);
}

/** The overall position a person's expected answers would give: their true score. */
export function truePosition(traits: readonly number[], parameters: readonly ItemParameters[]) {
	const proportions = new Array<number>(CELL_COUNT);
	for (let cell = 0; cell < CELL_COUNT; cell++) {
		let sum = 0;
		for (let item = cell * ITEMS_PER_CELL; item < (cell + 1) * ITEMS_PER_CELL; item++) {
			sum += expectedRekeyed(traits[cell]!, parameters[item]!, ITEM_REVERSED[item] === 1);
		}
		proportions[cell] = (sum / ITEMS_PER_CELL - 1) / 4;
	}
	let position = 0;
	for (let d = 0; d < DOMAINS.length; d++) {
		position += (100 * (proportions[d * 3]! - proportions[d * 3 + 1]!)) / DOMAINS.length;
	}
	return position;
}

/** Moves every DEP trait up and every IND trait down by `shift` (latent SDs). */
export function shifted(traits: readonly number[], shift: number): number[] {
	return traits.map((value, cell) =>
		cell % 3 === 0 ? value + shift : cell % 3 === 1 ? value - shift : value
	);
}

/**
 * The latent shift that moves the true overall position by `points` on average over these
 * people (bisection: the mean true position rises steadily with the shift).
 */
export function shiftForPoints(
	traits: readonly (readonly number[])[],
	parameters: readonly ItemParameters[],
	points: number
): number {
	const before = traits.reduce((sum, row) => sum + truePosition(row, parameters), 0);
	const gain = (shift: number) =>
		traits.reduce((sum, row) => sum + truePosition(shifted(row, shift), parameters), 0) -
		before -
		points * traits.length;
	let low = 0;
	let high = 4;
	for (let step = 0; step < 40; step++) {
		const middle = (low + high) / 2;
		if (gain(middle) < 0) low = middle;
		else high = middle;
	}
	return (low + high) / 2;
}

/** The seed of the published figures. */
export const CHANGE_STUDY_SEED = 20_261_130;

export type SittingPair = {
	before: Record<string, number | undefined>[];
	after: Record<string, number | undefined>[];
};

/** Two independent sittings of the same people, the second after a latent shift (0: none). */
export function simulateSittings(options: {
	people: number;
	seed: number;
	shift: number;
	model?: GenerativeModel;
}): SittingPair {
	const model = options.model ?? PROJECT_MODEL;
	const common = { parameters: model.parameters, latentCorrelation: model.latentCorrelation };
	const first = simulateRespondents({ respondents: options.people, seed: options.seed, ...common });
	const traits = first.map((person) => shifted(person.traits, options.shift));
	const second = simulateRespondents({ respondents: 0, seed: options.seed + 1, traits, ...common });
	return {
		before: first.map((person) => person.answers),
		after: second.map((person) => person.answers)
	};
}

export type ChangeShares = { beyondReliable: number; beyondLikely: number };

/**
 * Shares of people whose |RCI| passes 1.96 and 1.645, scored as the app scores them (with the
 * default norms, or with `norms`: a practice's own).
 */
export function changeShares(pair: SittingPair, norms?: Norms): ChangeShares {
	let reliable = 0;
	let likely = 0;
	pair.before.forEach((answers, i) => {
		const change = changeBetween(
			scoreAssessment(answers, { norms }),
			scoreAssessment(pair.after[i]!, { norms })
		);
		if (change?.verdict === 'reliable') reliable++;
		if (change?.verdict === 'reliable' || change?.verdict === 'likely') likely++;
	});
	return {
		beyondReliable: reliable / pair.before.length,
		beyondLikely: likely / pair.before.length
	};
}

/** One SD of the overall position under the app's default norms (all three domains). */
export const POSITION_SD = positionComposite(DEFAULT_NORMS, 0b111).sd;

export type ChangeStudy = {
	people: number;
	noChange: ChangeShares;
	/** A true change of one SD of the overall position. */
	oneSd: ChangeShares & { points: number; latentShift: number };
};

export function runChangeStudy(options: {
	people: number;
	seed: number;
	model?: GenerativeModel;
}): ChangeStudy {
	const model = options.model ?? PROJECT_MODEL;
	const noChange = changeShares(simulateSittings({ ...options, shift: 0 }));
	const calibration = simulateRespondents({
		respondents: 2_000,
		seed: options.seed + 7,
		parameters: model.parameters,
		latentCorrelation: model.latentCorrelation
	});
	const latentShift = shiftForPoints(
		calibration.map((person) => person.traits),
		model.parameters,
		POSITION_SD
	);
	const change = changeShares(simulateSittings({ ...options, shift: latentShift }));
	return {
		people: options.people,
		noChange,
		oneSd: { ...change, points: POSITION_SD, latentShift }
	};
}

/**
 * The remedy decision 0027 pointed at (decision 0032): the no-change sittings scored with norms
 * a practice would adopt from `practiceSize` other people of the same population.
 */
export function localNormsNoChange(options: {
	people: number;
	seed: number;
	practiceSize: number;
	model?: GenerativeModel;
}): ChangeShares {
	const model = options.model ?? PROJECT_MODEL;
	const practice = simulateRespondents({
		respondents: options.practiceSize,
		seed: options.seed + 13,
		parameters: model.parameters,
		latentCorrelation: model.latentCorrelation
	});
	const figures = normFiguresFrom(practice.map((person) => person.answers))!;
	const norms = practiceNorms({
		id: 'simulated-practice',
		respondents: options.practiceSize,
		adoptedAt: '',
		figures
	});
	return changeShares(simulateSittings({ ...options, shift: 0 }), norms);
}
