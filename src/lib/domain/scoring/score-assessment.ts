import {
	DOMAINS,
	INSTRUMENT_VERSION,
	ITEMS_PER_CELL,
	type DomainCode,
	type InstrumentVersion
} from '../../content/instrument/codes.ts';
import { DEFAULT_NORMS } from './default-norms.ts';
import { ATTENTION_EXPECTED, PRESENTED_IDS, SCORED_ITEM_COUNT } from './item-layout.ts';
import type { Norms } from './norms.ts';
import { confidenceBand, positionSemTable, type Band } from './precision.ts';
import { qualityFlags, type PageTiming, type QualityFlag } from './quality-flags.ts';
import { readAnswers, type Answers } from './read-answers.ts';
import { isPulledBothWays, zoneFor, type Zone } from './zones.ts';

/** A cell is scored only when at least this many of its six items are answered. */
export const MIN_ANSWERED_PER_CELL = 5;

export type CellScore = {
	answered: number;
	scored: boolean;
	/** Mean of the rekeyed answers, 1–5; null when unscored. */
	mean: number | null;
	/** p = (mean − 1) / 4, 0–1; null when unscored. */
	proportion: number | null;
};

export type DomainScore = {
	/** True when the position could be scored (DEP and IND cells both scored). */
	scored: boolean;
	/** P_d = 100 (p_DEP − p_IND): −100 independent pole, 0 midpoint, +100 dependent pole. */
	position: number | null;
	/** B_d = 100 (p_MUT + (1 − p_DEP) + (1 − p_IND)) / 3, 0–100; needs all three cells. */
	balance: number | null;
	pulledBothWays: boolean;
	zone: Zone | null;
	band: Band | null;
	cells: { DEP: CellScore; IND: CellScore; MUT: CellScore };
};

export type AssessmentScore = {
	instrumentVersion: InstrumentVersion;
	domains: Record<DomainCode, DomainScore>;
	/** Mean of the scored domains' positions; null when none is scored. */
	position: number | null;
	/** Mean of the domains' balances that are scored; null when none is. */
	balance: number | null;
	/** Mean p_DEP and mean p_IND over the scored domains are both ≥ .75. */
	pulledBothWays: boolean;
	zone: Zone | null;
	/** 90% band for the overall position: ±1.645 SEM of the mean of the scored domains. */
	band: Band | null;
	flags: QualityFlag[];
	/** Scored items answered, out of 54. */
	answered: number;
	normsSource: Norms['source'];
	/** The practice norms that scored it (absent for the built-in ones, and in older results). */
	normsId?: string;
	/** How many people those practice norms rest on. */
	normsRespondents?: number;
};

export type ScoreOptions = {
	/** Time spent per page, for the too-fast flag. */
	pageTimings?: readonly PageTiming[];
	/** The attention item was shown, so leaving it blank counts as missing it. */
	attentionPresented?: boolean;
	/** A practice's own norms; defaults to the simulation-derived ones. */
	norms?: Norms;
};

// Scratch space reused across calls: scoring is synchronous, so one buffer is enough.
const rekeyed = new Float64Array(SCORED_ITEM_COUNT);
const presented = new Int8Array(PRESENTED_IDS.length);

function scoreCell(cell: number): CellScore {
	let answered = 0;
	let sum = 0;
	const start = cell * ITEMS_PER_CELL;
	for (let item = start; item < start + ITEMS_PER_CELL; item++) {
		const value = rekeyed[item]!;
		if (value === value) {
			answered++;
			sum += value;
		}
	}
	if (answered < MIN_ANSWERED_PER_CELL)
		return { answered, scored: false, mean: null, proportion: null };
	const mean = sum / answered;
	return { answered, scored: true, mean, proportion: (mean - 1) / 4 };
}

/**
 * Scores one Continuum Assessment (or a rater's form for one domain) exactly as the blueprint
 * says: rekey item 6, score cells with ≥ 5 of 6 answers, then positions, balances, bands and
 * quality flags. Throws DomainError('invalid_input') for an answer outside 1–5.
 * @example scoreAssessment({ FAM_DEP_1: 4, FAM_DEP_2: 2, … }).domains.FAM.position
 */
export function scoreAssessment(answers: Answers, options: ScoreOptions = {}): AssessmentScore {
	const norms = options.norms ?? DEFAULT_NORMS;
	const semTable = positionSemTable(norms);
	const pattern = readAnswers(answers, rekeyed, presented);
	const domains = {} as Record<DomainCode, DomainScore>;
	let positionSum = 0;
	let balanceSum = 0;
	let balanceCount = 0;
	let dependenceSum = 0;
	let independenceSum = 0;
	let mask = 0;
	let scoredDomains = 0;
	let bothPolesDomains = 0;
	for (let d = 0; d < DOMAINS.length; d++) {
		const dep = scoreCell(d * 3);
		const ind = scoreCell(d * 3 + 1);
		const mut = scoreCell(d * 3 + 2);
		const domain: DomainScore = {
			scored: false,
			position: null,
			balance: null,
			pulledBothWays: false,
			zone: null,
			band: null,
			cells: { DEP: dep, IND: ind, MUT: mut }
		};
		if (dep.proportion !== null && ind.proportion !== null) {
			const position = 100 * (dep.proportion - ind.proportion);
			const pulled = isPulledBothWays(dep.proportion, ind.proportion);
			domain.scored = true;
			domain.position = position;
			domain.pulledBothWays = pulled;
			domain.zone = zoneFor(position, pulled);
			domain.band = confidenceBand(position, semTable[1 << d]!);
			if (mut.proportion !== null) {
				domain.balance = (100 * (mut.proportion + (1 - dep.proportion) + (1 - ind.proportion))) / 3;
				balanceSum += domain.balance;
				balanceCount++;
			}
			positionSum += position;
			dependenceSum += dep.proportion;
			independenceSum += ind.proportion;
			mask |= 1 << d;
			scoredDomains++;
			if (pulled) bothPolesDomains++;
		}
		domains[DOMAINS[d]!] = domain;
	}
	const position = scoredDomains > 0 ? positionSum / scoredDomains : null;
	const pulledBothWays =
		scoredDomains > 0 &&
		isPulledBothWays(dependenceSum / scoredDomains, independenceSum / scoredDomains);
	return {
		instrumentVersion: INSTRUMENT_VERSION,
		domains,
		position,
		balance: balanceCount > 0 ? balanceSum / balanceCount : null,
		pulledBothWays,
		zone: position === null ? null : zoneFor(position, pulledBothWays),
		band: position === null ? null : confidenceBand(position, semTable[mask]!),
		flags: qualityFlags({
			pattern,
			rekeyed,
			presented,
			bothPolesDomains,
			pageTimings: options.pageTimings,
			attentionPresented: options.attentionPresented ?? false,
			attentionExpected: ATTENTION_EXPECTED
		}),
		answered: pattern.answered,
		normsSource: norms.source,
		...(norms.id ? { normsId: norms.id, normsRespondents: norms.respondents } : {})
	};
}

/** Cells in canonical order, handy for exports: 9 entries of FAM_DEP … TEAM_MUT. */
export function cellScores(score: AssessmentScore): CellScore[] {
	const cells: CellScore[] = [];
	for (const domain of DOMAINS) {
		const { DEP, IND, MUT } = score.domains[domain].cells;
		cells.push(DEP, IND, MUT);
	}
	return cells;
}
