import { redirect } from '@sveltejs/kit';
import { formAction } from '$lib/server/http/form-action';
import { withErrorPage } from '$lib/server/http/load';
import { BUILDER_FORMS, builderForms, type BuilderForm } from '$lib/server/programs/builder-forms';
import { getProgramBuilder } from '$lib/server/programs/pages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// The builder is plain forms (move up / move down included): each posts and lands back on the
// step it changed, focus on the button just used (`autofocus`), so it ships no JavaScript: a
// hydrated page would cost more than the 40 KB budget (decision 0038).
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params, url }) => ({
		practiceId: params.practiceId,
		saved: url.searchParams.get('saved'),
		editing: url.searchParams.get('edit'),
		editingIdea: url.searchParams.get('idea'),
		adding: url.searchParams.get('add'),
		moved: { step: url.searchParams.get('step'), by: url.searchParams.get('by') },
		...(await getProgramBuilder(locals.ctx, { actor: locals.signedIn!.actor, ...params }))
	}));

const builderForm = (name: BuilderForm) =>
	formAction(
		async ({ locals, params }: RequestEvent, { values, data }) => {
			const sent = { actor: locals.signedIn!.actor, ...params, values, data };
			redirect(303, await builderForms[name](locals.ctx, sent));
		},
		{ form: name }
	);

export const actions: Actions = Object.fromEntries(
	BUILDER_FORMS.map((name) => [name, builderForm(name)])
);
