import { redirect } from '@sveltejs/kit';
import { formAction } from '$lib/server/http/form-action';
import { withErrorPage } from '$lib/server/http/load';
import { getProgramsPage } from '$lib/server/programs/pages';
import {
	PROGRAMS_PAGE_FORMS,
	programsPageForms,
	type ProgramsPageForm
} from '$lib/server/programs/programs-page-forms';
import { setProgressThresholds } from '$lib/server/programs/thresholds';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Plain forms that post natively (decision 0023): no script on this page.
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params }) => ({
		practiceId: params.practiceId,
		...(await getProgramsPage(locals.ctx, {
			actor: locals.signedIn!.actor,
			practiceId: params.practiceId
		}))
	}));

/** A form that makes a program, tagged so a refusal shows beside it; lands on its builder. */
const makingForm = (name: ProgramsPageForm) =>
	formAction(
		async ({ locals, params }: RequestEvent, { values, data }) => {
			const sent = { actor: locals.signedIn!.actor, practiceId: params.practiceId, values, data };
			redirect(303, await programsPageForms[name](locals.ctx, sent));
		},
		{ form: name }
	);

export const actions: Actions = {
	...Object.fromEntries(PROGRAMS_PAGE_FORMS.map((name) => [name, makingForm(name)])),
	thresholds: formAction(
		async ({ locals, params }, { values }) => {
			const actor = locals.signedIn!.actor;
			await setProgressThresholds(locals.ctx, { actor, practiceId: params.practiceId, values });
			return { thresholdsSaved: true };
		},
		{ form: 'thresholds' }
	)
};
