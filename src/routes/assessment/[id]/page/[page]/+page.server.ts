import { error, redirect } from '@sveltejs/kit';
import { isDomainError } from '$lib/domain/errors';
import { getAssessmentPage } from '$lib/server/assessments/get-assessment-page';
import { saveAssessmentPage } from '$lib/server/assessments/save-assessment-page';
import { failFromError, formValues } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const input = {
		actor: locals.signedIn!.actor,
		assessmentId: params.id,
		page: Number(params.page) - 1
	};
	const view = await getAssessmentPage(locals.ctx, input).catch((err) => {
		if (isDomainError(err)) error(err.status, err.message);
		throw err;
	});
	if (view.completed) redirect(303, `/assessment/${view.id}`);
	// A stale tab or a typed address: go to the first unsaved page and say that answers are kept.
	if (view.redirectTo !== null)
		redirect(303, `/assessment/${view.id}/page/${view.redirectTo + 1}?resumed=1`);
	return { view, resumed: url.searchParams.has('resumed') };
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const values = formValues(await request.formData());
		const page = Number(params.page) - 1;
		try {
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
		} catch (err) {
			if (isDomainError(err) && err.code === 'not_found') error(404, err.message);
			const failure = failFromError(err, values);
			failure.data.values.confirmSkip = Object.values(failure.data.fields).every(
				(f) => f === 'Not answered yet.'
			)
				? '1'
				: '';
			return failure;
		}
	}
};
