import { error } from '@sveltejs/kit';
import { isDomainError } from '$lib/domain/errors';
import { practiceNameSchema } from '$lib/domain/schemas/auth';
import { renamePractice } from '$lib/server/practices/rename-practice';
import { findPractice } from '$lib/server/practices/repository';
import { failFromError, formValues, parseForm } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const practice = await findPractice(locals.ctx.db, params.practiceId);
	if (!practice) error(404, 'This practice does not exist.');
	return { practice: { id: practice.id, name: practice.name } };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		const parsed = parseForm(practiceNameSchema, values);
		if (!parsed.ok) return parsed.failure;
		try {
			await renamePractice(locals.ctx, {
				actor: locals.signedIn!.actor,
				practiceId: params.practiceId,
				name: parsed.data.name
			});
		} catch (err) {
			if (isDomainError(err) && err.code === 'not_found') error(404, err.message);
			return failFromError(err, values);
		}
		return { saved: true };
	}
};
