import { DomainError } from '../../domain/errors.ts';
import { MIN_NORMS_PEOPLE, poolNorms, type PooledNorms } from '../../domain/feedback/pooling.ts';
import { precisionRows, verdictShift } from '../../domain/scoring/local-norms.ts';
import type { NormsView } from '../../domain/scoring/instrument-page.ts';
import { DEFAULT_NORMS } from '../../domain/scoring/default-norms.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { loadPracticeResponses } from '../instrument-stats/practice-responses.ts';
import { findNormsInForce, listLatestResultPairs } from './repository.ts';
import { NORMS_SIMULATION } from '../../domain/scoring/derive-norms.ts';

export function blockedReason(pooled: PooledNorms): string | null {
	if (pooled.status === 'not-enough')
		return `Your practice has ${pooled.n} clean, complete result${pooled.n === 1 ? '' : 's'}; norms of its own need at least ${MIN_NORMS_PEOPLE}.`;
	if (pooled.status === 'degenerate')
		return 'In some part of the assessment every client has the same score, so norms cannot be worked out from these results.';
	return null;
}

/** The pooled norms from the practice's clean results today (admins and coaches only). */
export async function poolPracticeNorms(
	ctx: Pick<AppContext, 'db'>,
	practiceId: string
): Promise<PooledNorms> {
	const responses = await loadPracticeResponses(ctx, practiceId);
	return poolNorms(responses.answers);
}

/** The norms part of the practice's instrument page. */
export async function getNormsView(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor; practiceId: string }
): Promise<NormsView> {
	const { actor, practiceId } = input;
	if (!can(actor, 'practice.instrument.validity', { practiceId })) {
		throw new DomainError('forbidden', 'Only coaches and admins of the practice see its norms.');
	}
	const pooled = await poolPracticeNorms(ctx, practiceId);
	const row = await findNormsInForce(ctx.db, practiceId);
	return {
		minimum: MIN_NORMS_PEOPLE,
		clean: pooled.n,
		builtInPeople: NORMS_SIMULATION.respondents,
		inForce: row
			? {
					respondents: row.respondents,
					adoptedAt: row.adopted_at,
					rows: precisionRows(JSON.parse(row.figures))
				}
			: null,
		preview:
			pooled.status === 'pooled'
				? {
						builtIn: precisionRows(DEFAULT_NORMS),
						fromData: precisionRows(pooled.figures),
						verdicts: verdictShift(await listLatestResultPairs(ctx.db, practiceId), pooled.figures)
					}
				: null,
		blocked: blockedReason(pooled),
		canAdopt: can(actor, 'practice.norms.adopt', { practiceId })
	};
}
