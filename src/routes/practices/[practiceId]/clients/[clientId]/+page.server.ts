import { redirect } from '@sveltejs/kit';
import { ALL_HISTORY } from '$lib/domain/coach-page-history';
import { formAction } from '$lib/server/http/form-action';
import { baseUrl } from '$lib/server/http/forms';
import { withErrorPage } from '$lib/server/http/load';
import { clientPageForms, type ClientPageForm } from '$lib/server/practices/client-page-forms';
import { recordCoachVisit } from '$lib/server/practices/coach-visits';
import { getClientPage } from '$lib/server/practices/get-client-page';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Every form posts natively and lands back on its part of the page (`#thread-…`, `#notes`; the
// e2e tests run it both ways), so the page ships no JavaScript (decision 0023: the 40 KB budget).
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params, url }) => {
		const page = await getClientPage(locals.ctx, {
			actor: locals.signedIn!.actor,
			...params,
			allHistory: url.searchParams.get('history') === ALL_HISTORY,
			keep: url.searchParams.get('to')
		});
		// Queued, and written just after the response: the view itself writes nothing.
		recordCoachVisit(locals.ctx, page);
		return {
			...page,
			editingNote: url.searchParams.get('note'),
			saved: url.searchParams.get('saved'),
			sentTo: url.searchParams.get('to')
		};
	});

/** One of the page's forms, tagged with its name so a refusal shows beside it. */
const pageForm = (name: ClientPageForm) =>
	formAction(
		async ({ locals, params, url }: RequestEvent, { values }) => {
			const next = await clientPageForms[name](locals.ctx, {
				actor: locals.signedIn!.actor,
				...params,
				values,
				baseUrl: baseUrl(url, locals.ctx.config.publicUrl)
			});
			redirect(303, url.pathname + next);
		},
		{ form: name }
	);

export const actions: Actions = {
	reply: pageForm('reply'),
	addNote: pageForm('addNote'),
	editNote: pageForm('editNote'),
	deleteNote: pageForm('deleteNote'),
	schedule: pageForm('schedule'),
	cancelReassessment: pageForm('cancelReassessment'),
	suggestFeedback: pageForm('suggestFeedback')
};
