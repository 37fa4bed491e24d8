import { describeChange } from '$lib/domain/describe-change';
import { listAssessmentHistory } from '$lib/server/assessments/list-assessment-history';
import type { PageServerLoad } from './$types';

// A page to read, with nothing to interact with: sent as plain HTML, without hydration.
export const csr = false;

export const load: PageServerLoad = async ({ locals }) => {
	const { actor } = locals.signedIn!;
	const history = await listAssessmentHistory(locals.ctx, { actor, userId: actor.userId });
	return {
		open: history.open,
		entries: history.entries.map((e) => ({
			id: e.id,
			completedAt: e.completedAt,
			position: e.score.position,
			band: e.score.band ? { low: e.score.band.low, high: e.score.band.high } : null,
			changeText: e.change ? describeChange(e.change, e.score.position) : null
		}))
	};
};
