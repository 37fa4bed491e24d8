import { DOMAINS, type DomainCode } from '../../content/instrument/codes.ts';
import type { Answers } from '../scoring/read-answers.ts';
import { scoreAssessment } from '../scoring/score-assessment.ts';
import { BAND_Z } from '../scoring/precision.ts';
import { isComplete, normFiguresFrom, type NormFigures } from '../scoring/local-norms.ts';
import { isPulledBothWays, zoneFor, type Zone } from '../scoring/zones.ts';
import { ATTENTION_EXPECTED, ATTENTION_ID } from '../scoring/item-layout.ts';

/**
 * The one place that decides what anyone may learn from raters' answers (PRODUCT J7, §4;
 * ARCHITECTURE "pooled answers"). Every page and use-case that shows raters' results asks here.
 *
 * - A domain shows figures only after the round closes and only when at least
 *   MIN_RATERS_PER_DOMAIN raters of that domain completed the form (every cell scored by the
 *   5-of-6 rule). Otherwise: "not enough answers yet", with no figure at all.
 * - Figures are computed once, at release, and stored; afterwards the stored release is the
 *   answer, whatever arrives later, so no difference between two views can single out a rater.
 * - No per-rater times or values leave this module. Comments come out pooled, shuffled, never
 *   labelled by domain, and only when at least MIN_COMMENTS exist.
 * - A form whose attention line was not answered as asked is set aside: it counts for nothing,
 *   and the release says only how many were set aside in the whole round, never in which group.
 */
export const MIN_RATERS_PER_DOMAIN = 3;
export const MIN_COMMENTS = 3;

/** A rater's sent form: the answers for their own domain, and an optional comment. */
export interface CompletedForm {
	domain: DomainCode;
	answers: Answers;
	comment?: string | null;
}

/** The client's own position in a domain when the round was released (for self vs others). */
export interface SelfFigure {
	position: number;
	sem: number;
}

export type ReleasedDomain =
	| { status: 'not-enough' }
	| {
			status: 'released';
			/** Raters counted. */
			n: number;
			/** Mean of the raters' positions, −100..100. */
			mean: number;
			/** SD (n − 1) of the raters' positions. */
			sd: number;
			/** 90% band of the mean: ±1.645 · SD / √n, kept on the line. */
			band: { low: number; high: number };
			zone: Zone;
			/** The client's own figure at release, when they had a scored result for the domain. */
			self: SelfFigure | null;
	  };

/** What is stored when a round closes and shown for ever after. */
export interface Release {
	domains: Record<DomainCode, ReleasedDomain>;
	/** Pooled comments in random order, or null when fewer than MIN_COMMENTS exist. */
	comments: string[] | null;
	/** Sent forms set aside for a missed attention line, all groups together (absent: none). */
	setAside?: number;
}

export type DomainView =
	| { status: 'open'; thresholdMet: boolean }
	| { status: 'not-enough' }
	| Extract<ReleasedDomain, { status: 'released' }>;

export interface RoundView {
	domains: Record<DomainCode, DomainView>;
	comments: string[] | null;
	/** Forms set aside for a missed attention line: known only once the round is released. */
	setAside: number | null;
}

interface Counted {
	position: number;
	dependence: number;
	independence: number;
	comment: string | null;
}

/**
 * The attention line asks for "Mostly true of them" (4). Any other answer, "I can't say"
 * included, means the rater was not reading, so the whole form is set aside. A form without the
 * line at all (never presented it) is not judged by it.
 */
export function missedAttention(answers: Answers): boolean {
	return ATTENTION_ID in answers && answers[ATTENTION_ID] !== ATTENTION_EXPECTED;
}

/** A form counts when it passed the attention line and scores all three cells of its domain. */
function countedForm(form: CompletedForm): Counted | null {
	if (missedAttention(form.answers)) return null;
	const scored = scoreAssessment(form.answers).domains[form.domain];
	const { DEP, IND, MUT } = scored.cells;
	if (!DEP.scored || !IND.scored || !MUT.scored || scored.position === null) return null;
	const comment = form.comment?.trim() || null;
	return {
		position: scored.position,
		dependence: DEP.proportion!,
		independence: IND.proportion!,
		comment
	};
}

function countedByDomain(forms: readonly CompletedForm[]): Record<DomainCode, Counted[]> {
	const byDomain = { FAM: [], FRI: [], TEAM: [] } as Record<DomainCode, Counted[]>;
	for (const form of forms) {
		const counted = countedForm(form);
		if (counted) byDomain[form.domain].push(counted);
	}
	return byDomain;
}

function mean(values: readonly number[]): number {
	return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function releaseDomain(counted: readonly Counted[], self: SelfFigure | null): ReleasedDomain {
	const n = counted.length;
	if (n < MIN_RATERS_PER_DOMAIN) return { status: 'not-enough' };
	const positions = counted.map((c) => c.position);
	const average = mean(positions);
	const sd = Math.sqrt(positions.reduce((s, p) => s + (p - average) ** 2, 0) / (n - 1));
	const half = (BAND_Z * sd) / Math.sqrt(n);
	const pulled = isPulledBothWays(
		mean(counted.map((c) => c.dependence)),
		mean(counted.map((c) => c.independence))
	);
	return {
		status: 'released',
		n,
		mean: average,
		sd,
		band: { low: Math.max(-100, average - half), high: Math.min(100, average + half) },
		zone: zoneFor(average, pulled),
		self
	};
}

/** Fisher–Yates with the caller's random source, so tests can fix the order. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j]!, copy[i]!];
	}
	return copy;
}

/**
 * The figures to store when a round closes. Comments come only from counted forms in released
 * domains: a comment from a domain that shows nothing would say something of too few people.
 */
export function releaseRound(
	forms: readonly CompletedForm[],
	self: Partial<Record<DomainCode, SelfFigure | null>>,
	random: () => number = Math.random
): Release {
	const byDomain = countedByDomain(forms);
	const domains = {} as Record<DomainCode, ReleasedDomain>;
	const comments: string[] = [];
	for (const domain of DOMAINS) {
		domains[domain] = releaseDomain(byDomain[domain], self[domain] ?? null);
		if (domains[domain].status !== 'released') continue;
		for (const counted of byDomain[domain]) if (counted.comment) comments.push(counted.comment);
	}
	return {
		domains,
		comments: comments.length >= MIN_COMMENTS ? shuffled(comments, random) : null,
		setAside: forms.filter((form) => missedAttention(form.answers)).length
	};
}

/**
 * What may be shown of a round. While open: per domain, only whether the threshold is met.
 * Once closed: the stored release, never the live forms. A closed round without a stored
 * release shows nothing (the caller stores one with releaseRound when it closes the round).
 */
export function viewRound(
	round: { closed: boolean; release: Release | null },
	forms: readonly CompletedForm[]
): RoundView {
	const domains = {} as Record<DomainCode, DomainView>;
	if (round.closed) {
		for (const domain of DOMAINS) domains[domain] = round.release?.domains[domain] ?? notEnough;
		const setAside = round.release?.setAside ?? 0;
		return { domains, comments: round.release?.comments ?? null, setAside };
	}
	const byDomain = countedByDomain(forms);
	for (const domain of DOMAINS) {
		domains[domain] = {
			status: 'open',
			thresholdMet: byDomain[domain].length >= MIN_RATERS_PER_DOMAIN
		};
	}
	return { domains, comments: null, setAside: null };
}

const notEnough: DomainView = { status: 'not-enough' };

// Local norms (issue 15, decision 0032): a practice's clients' answers pooled into norms.

/**
 * A practice's own norms rest on at least this many clean results (complete, unflagged, each
 * person once): the factor analysis needs as many, and with fewer an alpha or a correlation
 * moves by several hundredths from one client to the next. Far above the rater minimum, so no
 * figure can be traced back to one person's answers.
 */
export const MIN_NORMS_PEOPLE = 200;

export type PooledNorms =
	| { status: 'not-enough'; n: number }
	/** Every client has the same score in some part: the figures would be undefined. */
	| { status: 'degenerate'; n: number }
	| { status: 'pooled'; n: number; figures: NormFigures };

/**
 * Pools clean results into norms: only complete answer sets count, and below MIN_NORMS_PEOPLE
 * nothing is computed at all. Only SDs, alphas and correlations come out.
 */
export function poolNorms(clean: readonly Answers[]): PooledNorms {
	const complete = clean.filter(isComplete);
	const n = complete.length;
	if (n < MIN_NORMS_PEOPLE) return { status: 'not-enough', n };
	const figures = normFiguresFrom(complete);
	return figures ? { status: 'pooled', n, figures } : { status: 'degenerate', n };
}

/**
 * Rater statistics for a practice's instrument page pool raters of many clients. A domain shows
 * only from at least this many counted forms, given to at least this many different clients:
 * with one client's raters alone, item means would tell the admin how that client is seen.
 */
export const MIN_FORMS_FOR_STATISTICS = 10;
export const MIN_CLIENTS_FOR_STATISTICS = 3;

/** A sent form of a closed round, with whose round it was and what that round released. */
export interface PracticeRaterForm extends CompletedForm {
	clientId: string;
	release: Release;
}

export type StatisticsPool =
	{ status: 'shown'; answers: Answers[]; clients: number } | { status: 'too-few' };

/**
 * The rater answers that may go into a practice's statistics, per domain: only forms that
 * counted in a group its round released (a hidden group stays hidden here too), and only when
 * the domain reaches both minimums. Order is the caller's, which must say nothing of who.
 */
export function raterStatisticsPool(
	forms: readonly PracticeRaterForm[]
): Record<DomainCode, StatisticsPool> {
	const pools = {} as Record<DomainCode, StatisticsPool>;
	for (const domain of DOMAINS) {
		const kept = forms.filter(
			(form) =>
				form.domain === domain &&
				form.release.domains[domain]?.status === 'released' &&
				countedForm(form) !== null
		);
		const clients = new Set(kept.map((form) => form.clientId)).size;
		pools[domain] =
			kept.length >= MIN_FORMS_FOR_STATISTICS && clients >= MIN_CLIENTS_FOR_STATISTICS
				? { status: 'shown', answers: kept.map((form) => form.answers), clients }
				: { status: 'too-few' };
	}
	return pools;
}
