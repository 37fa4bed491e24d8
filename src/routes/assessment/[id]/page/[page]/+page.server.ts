import { redirect } from '@sveltejs/kit';
import { getAssessmentPage } from '$lib/server/assessments/get-assessment-page';
import { saveAssessmentPage } from '$lib/server/assessments/save-assessment-page';
import { formAction } from '$lib/server/http/form-action';
import { withErrorPage } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

// Plain forms that post natively: the server keeps what was typed and focuses the first error,
// so the page ships no JavaScript (decision 0023: the 40 KB budget).
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params, url }) => {
		const view = await getAssessmentPage(locals.ctx, {
			actor: locals.signedIn!.actor,
			assessmentId: params.id,
			page: Number(params.page) - 1
		});
		if (view.completed) redirect(303, `/assessment/${view.id}`);
		// A stale tab or a typed address: go to the first unsaved page and say that answers are kept.
		if (view.redirectTo !== null)
			redirect(303, `/assessment/${view.id}/page/${view.redirectTo + 1}?resumed=1`);
		return { view, resumed: url.searchParams.has('resumed') };
	});

export const actions: Actions = {
	default: formAction(async ({ locals, params }, { values }) => {
		const page = Number(params.page) - 1;
		const outcome = await saveAssessmentPage(locals.ctx, {
			actor: locals.signedIn!.actor,
			assessmentId: params.id,
			page,
			answers: values,
			confirmSkip: values.confirmSkip === '1'
		});
		if ('completed' in outcome) redirect(303, `/assessment/${params.id}?done=1`);
		const moved = outcome.next.page !== page + 1 ? '?resumed=1' : '';
		redirect(303, `/assessment/${params.id}/page/${outcome.next.page + 1}${moved}`);
	})
};
