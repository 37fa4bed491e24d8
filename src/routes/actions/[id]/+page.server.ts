import { redirect } from '@sveltejs/kit';
import { actionPageForms, type ActionPageForm } from '$lib/server/actions/action-page-forms';
import { getActionPage } from '$lib/server/actions/get-action-page';
import { formAction } from '$lib/server/http/form-action';
import { baseUrl } from '$lib/server/http/forms';
import { withErrorPage } from '$lib/server/http/load';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Every form here posts natively and lands back on its part of the page (the e2e tests run it
// both ways), so the page ships no JavaScript (decision 0023: the 40 KB budget).
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params, url }) => ({
		...(await getActionPage(locals.ctx, {
			actor: locals.signedIn!.actor,
			actionId: params.id,
			// `?occurrence=` opens an earlier report-back to change it.
			occurrence: url.searchParams.get('occurrence')
		})),
		saved: url.searchParams.get('saved')
	}));

/** One of the page's forms, tagged with its name so a refusal shows beside it. */
const pageForm = (name: ActionPageForm) =>
	formAction(
		async ({ locals, params, url }: RequestEvent, { values }) => {
			const next = await actionPageForms[name](locals.ctx, {
				actor: locals.signedIn!.actor,
				actionId: params.id,
				values,
				baseUrl: baseUrl(url, locals.ctx.config.publicUrl)
			});
			redirect(303, next);
		},
		{ form: name }
	);

export const actions: Actions = {
	report: pageForm('report'),
	skip: pageForm('skip'),
	pause: pageForm('pause'),
	resume: pageForm('resume'),
	reschedule: pageForm('reschedule'),
	ask: pageForm('ask'),
	reply: pageForm('reply'),
	close: pageForm('close'),
	delete: pageForm('delete')
};
