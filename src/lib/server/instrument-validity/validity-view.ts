import { DomainError } from '../../domain/errors.ts';
import { MIN_VALIDATION_ROWS } from '../../domain/scoring/validation-sample.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { VALIDITY_JOB } from './compute-validity.ts';
import type { ValidityFigures, ValidityView } from '../../domain/scoring/instrument-page.ts';
import { findValidity, markValidityPending } from './repository.ts';
import { practiceValiditySample } from './validity-sample.ts';

/** A request older than this with no outcome is assumed lost (a worker died) and made again. */
const RETRY_AFTER_MS = 15 * 60_000;

/**
 * The structure check on the practice's instrument page. Never fitted during a page view: the
 * cached figures are shown, and when the practice's clean results changed since, a job is
 * queued to work them out again (once; later views wait for it).
 */
export async function getValidityView(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	input: { actor: Actor; practiceId: string }
): Promise<ValidityView> {
	const { practiceId } = input;
	if (!can(input.actor, 'practice.instrument.validity', { practiceId })) {
		throw new DomainError(
			'forbidden',
			'Only coaches and admins of the practice see these figures.'
		);
	}
	const { basis, sample } = await practiceValiditySample(ctx, practiceId);
	const usable = sample.ok ? sample.rows.length : (sample.usable ?? 0);
	let cached = await findValidity(ctx.db, practiceId);
	const enough = usable >= MIN_VALIDATION_ROWS;
	const now = ctx.now();
	const fresh = cached !== undefined && cached.basis === basis;
	const lost =
		cached?.status === 'pending' &&
		now.getTime() - new Date(cached.requested_at).getTime() >= RETRY_AFTER_MS;
	if (enough && (!fresh || lost)) {
		await markValidityPending(ctx.db, {
			practiceId,
			basis,
			respondents: usable,
			at: now.toISOString()
		});
		await enqueueJob(ctx, VALIDITY_JOB, { practiceId });
		cached = await findValidity(ctx.db, practiceId);
	}
	const figures = cached?.figures ? (JSON.parse(cached.figures) as ValidityFigures) : null;
	return {
		minimum: MIN_VALIDATION_ROWS,
		usable,
		status: !enough
			? 'too-few'
			: cached?.status === 'pending'
				? 'working'
				: (cached?.status ?? 'working'),
		figures,
		computedAt: cached?.computed_at ?? null,
		message: cached?.status === 'failed' ? cached.message : null,
		stale: figures !== null && (cached?.basis !== basis || cached?.status === 'pending')
	};
}
