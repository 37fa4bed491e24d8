import { redirect } from '@sveltejs/kit';
import { todayFor } from '$lib/domain/actions/dates';
import { newActionSchema } from '$lib/domain/actions/schemas';
import { fillWithIdea } from '$lib/domain/actions/use-idea';
import { DomainError } from '$lib/domain/errors';
import { createAction } from '$lib/server/actions/create-action';
import { prepareNewAction } from '$lib/server/actions/prepare-new-action';
import { formAction, parseValues } from '$lib/server/http/form-action';
import type { Actions, PageServerLoad } from './$types';

// Plain forms that post natively: the server keeps what was typed and focuses the first error,
// so the page ships no JavaScript (decision 0023: the 40 KB budget).
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const ready = await prepareNewAction(locals.ctx, {
		actor: locals.signedIn!.actor,
		suggestionId: url.searchParams.get('suggestion')
	});
	return { ...ready, today: todayFor(locals.ctx.now()) };
};

export const actions: Actions = {
	default: formAction(async ({ locals }, { values }) => {
		// "Use this idea" posts the form as typed, so the idea fills it without losing a word.
		if (values.use) {
			const { chosen, previous } = await prepareNewAction(locals.ctx, {
				actor: locals.signedIn!.actor,
				suggestionId: values.use,
				previousId: values.suggestion
			});
			if (!chosen) throw new DomainError('invalid_input', 'That idea is no longer on offer.');
			return {
				...fillWithIdea(values, chosen, previous),
				fields: {},
				message: null,
				usedIdea: true
			};
		}
		const action = parseValues(newActionSchema(todayFor(locals.ctx.now())), values);
		const { id } = await createAction(locals.ctx, { actor: locals.signedIn!.actor, action });
		redirect(303, `/actions/${id}?saved=created`);
	})
};
