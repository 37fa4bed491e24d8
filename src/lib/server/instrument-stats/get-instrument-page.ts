import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { getValidityView } from '../instrument-validity/validity-view.ts';
import { getNormsView } from '../practice-norms/norms-view.ts';
import { getInstrumentStatistics } from './get-instrument-statistics.ts';
import { getRaterStatistics } from './rater-statistics.ts';

/**
 * The practice's instrument page: norms and the structure check for its coaches and admins
 * (pooled figures), and the per-line statistics and the responses download for the admin only.
 */
export async function getInstrumentPage(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	input: { actor: Actor; practiceId: string }
) {
	const norms = await getNormsView(ctx, input);
	const validity = await getValidityView(ctx, input);
	const statistics = can(input.actor, 'practice.instrument.read', { practiceId: input.practiceId })
		? await getInstrumentStatistics(ctx, input)
		: null;
	// The rater form's figures (issue 11): admin only, like the per-line statistics.
	const raters = statistics ? await getRaterStatistics(ctx, input) : null;
	return { norms, validity, statistics, raters };
}
