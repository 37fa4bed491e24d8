import { redirect } from '@sveltejs/kit';
import { todayFor } from '$lib/domain/actions/dates';
import { newActionSchema } from '$lib/domain/actions/schemas';
import { createAction } from '$lib/server/actions/create-action';
import { prepareNewAction } from '$lib/server/actions/prepare-new-action';
import { failFromError, formValues, parseForm } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const ready = await prepareNewAction(locals.ctx, {
		actor: locals.signedIn!.actor,
		suggestionId: url.searchParams.get('suggestion')
	});
	return { ...ready, today: todayFor(locals.ctx.now()) };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const values = formValues(await request.formData());
		const parsed = parseForm(newActionSchema(todayFor(locals.ctx.now())), values);
		if (!parsed.ok) return parsed.failure;
		let id: string;
		try {
			({ id } = await createAction(locals.ctx, {
				actor: locals.signedIn!.actor,
				action: parsed.data
			}));
		} catch (err) {
			return failFromError(err, values);
		}
		redirect(303, `/actions/${id}?saved=created`);
	}
};
