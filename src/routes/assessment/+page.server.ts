import { redirect } from '@sveltejs/kit';
import {
	instrumentItems,
	instrumentV1,
	presentationOrder
} from '$lib/content/instrument/instrument';
import { listAssessmentHistory } from '$lib/server/assessments/list-assessment-history';
import { startAssessment } from '$lib/server/assessments/start-assessment';
import type { Actions, PageServerLoad } from './$types';

// No client: nothing here needs one (decisions 0023, 0040).
export const csr = false;

export const load: PageServerLoad = async ({ locals }) => {
	const { actor } = locals.signedIn!;
	const history = await listAssessmentHistory(locals.ctx, { actor, userId: actor.userId });
	const latest = history.entries.at(-1);
	return {
		open: history.open,
		completed: history.entries.length,
		latestId: latest?.id ?? null,
		// Counted from the instrument, so the page says what the person will meet.
		statements: instrumentItems.length,
		checks: presentationOrder.length - instrumentItems.length,
		pages: instrumentV1.pages.length
	};
};

export const actions: Actions = {
	start: async ({ locals }) => {
		const started = await startAssessment(locals.ctx, { userId: locals.signedIn!.user.id });
		redirect(
			303,
			`/assessment/${started.id}/page/${started.nextPage + 1}${started.resumed ? '?resumed=1' : ''}`
		);
	}
};
