import { DOMAINS, DOMAIN_NAMES, type DomainCode } from '../../content/instrument/codes.ts';
import { explanationFor, type Explanation } from '../../content/instrument/explanations.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import type { ReliableChange } from '../../domain/scoring/precision.ts';
import { changeBetween } from '../../domain/scoring/score-change.ts';
import type { AssessmentScore } from '../../domain/scoring/score-assessment.ts';
import type { AppContext } from '../context.ts';
import { assessmentFor } from './access.ts';
import type { ResultNorms } from '../../domain/describe-norms.ts';
import { MIN_NORMS_PEOPLE } from '../../domain/feedback/pooling.ts';
import { DEFAULT_NORMS } from '../../domain/scoring/default-norms.ts';
import { NORMS_SIMULATION } from '../../domain/scoring/derive-norms.ts';
import { bandUnder } from '../../domain/scoring/local-norms.ts';
import type { Norms } from '../../domain/scoring/norms.ts';
import { normsOf } from '../practice-norms/norms-for-scoring.ts';
import { findNormsInForceForClient } from '../practice-norms/repository.ts';
import { findClientPlacement } from '../practices/repository.ts';
import { findPreviousResult, type CompletedAssessment } from './repository.ts';
import { findUserById } from '../users/repository.ts';

export interface ResultView {
	id: string;
	/** Whose result this is (the reader may be their coach). */
	ownerId: string;
	completedAt: string;
	score: AssessmentScore;
	overall: Explanation | null;
	domains: { code: DomainCode; name: string; explanation: Explanation | null }[];
	change: (ReliableChange & { since: string }) | null;
	/** Which norms the band uses, and the band under the other set (issue 15). */
	norms: ResultNorms;
	/** Someone reading another person's result (their coach): whose it is, and their page. */
	readBy: { clientName: string; clientPage: string | null } | null;
}

export function parseScore(row: CompletedAssessment): AssessmentScore {
	// An unfinished assessment has no result to show: to the reader, there is none (404).
	if (!row.result) throw new DomainError('not_found', 'This assessment is not finished yet.');
	return JSON.parse(row.result) as AssessmentScore;
}

/** The norms a stored score used, and its band under the other set when there is one. */
export function resultNorms(
	score: AssessmentScore,
	inForce: Norms | undefined,
	inPractice: boolean
): ResultNorms {
	const builtIn = { kind: 'built-in' as const, people: NORMS_SIMULATION.respondents };
	const base = { practiceMinimum: MIN_NORMS_PEOPLE, inPractice };
	if (score.normsSource === 'practice') {
		const band = bandUnder(score, DEFAULT_NORMS);
		const used = { kind: 'practice' as const, people: score.normsRespondents ?? 0 };
		return { ...base, used, other: band ? { ...builtIn, band } : null };
	}
	const band = inForce ? bandUnder(score, inForce) : null;
	const other = band
		? { kind: 'practice' as const, people: inForce!.respondents ?? 0, band }
		: null;
	return { ...base, used: builtIn, other };
}

export async function getAssessmentResult(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor; assessmentId: string }
): Promise<ResultView> {
	const row = await assessmentFor(ctx.db, input.actor, input.assessmentId, 'assessment.read');
	const score = parseScore(row);
	const previous = await findPreviousResult(ctx.db, row.user_id, row.completed_at!);
	const change = previous ? changeBetween(parseScore(previous), score) : null;
	const inForce = await findNormsInForceForClient(ctx.db, row.user_id);
	const placement = await findClientPlacement(ctx.db, row.user_id);
	return {
		id: row.id,
		ownerId: row.user_id,
		completedAt: row.completed_at!,
		score,
		overall: score.zone ? explanationFor(score.zone) : null,
		domains: DOMAINS.map((code) => {
			const zone = score.domains[code].zone;
			return {
				code,
				name: DOMAIN_NAMES[code],
				explanation: zone ? explanationFor(zone, code) : null
			};
		}),
		change: change && previous ? { ...change, since: previous.completed_at! } : null,
		norms: resultNorms(score, inForce ? normsOf(inForce) : undefined, placement !== undefined),
		readBy:
			row.user_id === input.actor.userId
				? null
				: {
						clientName: (await findUserById(ctx.db, row.user_id))?.name ?? 'Your client',
						clientPage: placement
							? `/practices/${placement.practiceId}/clients/${row.user_id}`
							: null
					}
	};
}
