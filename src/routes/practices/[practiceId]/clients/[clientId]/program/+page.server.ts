import { redirect } from '@sveltejs/kit';
import { formAction } from '$lib/server/http/form-action';
import { withErrorPage } from '$lib/server/http/load';
import { getClientProgramPage } from '$lib/server/programs/client-program-page';
import {
	ENROLMENT_FORMS,
	enrolmentForms,
	type EnrolmentForm
} from '$lib/server/programs/enrolment-forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Plain forms that post natively (decision 0023): no script on this page.
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params, url }) => ({
		practiceId: params.practiceId,
		clientId: params.clientId,
		saved: url.searchParams.get('saved'),
		enrolment: await getClientProgramPage(locals.ctx, { actor: locals.signedIn!.actor, ...params })
	}));

const enrolmentForm = (name: EnrolmentForm) =>
	formAction(
		async ({ locals, params }: RequestEvent, { values }) => {
			const done = await enrolmentForms[name](locals.ctx, {
				actor: locals.signedIn!.actor,
				...params,
				values
			});
			redirect(303, `?saved=${done}`);
		},
		{ form: name }
	);

export const actions: Actions = Object.fromEntries(
	ENROLMENT_FORMS.map((name) => [name, enrolmentForm(name)])
);
