import { redirect } from '@sveltejs/kit';
import { declineRequest, saveRaterPage, viewRaterForm } from '$lib/server/feedback/rate';
import { formAction } from '$lib/server/http/form-action';
import { withLinkProblem } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

// Plain forms posted natively: the server keeps what was typed and puts autofocus on the first
// line left blank, so the page ships no JavaScript (decision 0023: the 40 KB budget; it was 69.6).
export const csr = false;

// Opening the link only shows the form: mail scanners that fetch links answer nothing.
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const asked = Number(url.searchParams.get('page'));
	const page = Number.isInteger(asked) && asked > 0 ? asked - 1 : undefined;
	const { found, linkProblem } = await withLinkProblem(() =>
		viewRaterForm(locals.ctx, { token: params.token, page })
	);
	return { form: found, problem: linkProblem };
};

export const actions: Actions = {
	save: formAction(
		async ({ locals, params }, { values }) => {
			const outcome = await saveRaterPage(locals.ctx, {
				token: params.token,
				page: Number(values.page),
				values,
				// "Back to page N" keeps what was answered on this page, finished or not.
				back: values.back === '1'
			});
			if ('sent' in outcome) return { done: 'sent' as const };
			redirect(303, `/rate/${params.token}?page=${outcome.next + 1}`);
		},
		{ form: 'save' }
	),
	decline: formAction(
		async ({ locals, params }, { values }) => {
			await declineRequest(locals.ctx, { token: params.token, values });
			return { done: 'declined' as const, optedOut: values.optOut === 'on' };
		},
		{ form: 'decline' }
	)
};
