import { redirect } from '@sveltejs/kit';
import { signUpSchema } from '$lib/domain/schemas/auth';
import { signUp } from '$lib/server/auth/sign-up';
import { baseUrl, failFromError, formValues, parseForm } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
	kind:
		url.searchParams.get('kind') === 'coach'
			? 'coach'
			: url.searchParams.get('kind') === 'client'
				? 'client'
				: null
});

export const actions: Actions = {
	default: async ({ request, locals, url, getClientAddress }) => {
		const values = formValues(await request.formData());
		const parsed = parseForm(signUpSchema, values);
		if (!parsed.ok) return parsed.failure;
		try {
			const base = baseUrl(url, locals.ctx.config.publicUrl);
			await signUp(locals.ctx, { ...parsed.data, address: getClientAddress(), baseUrl: base });
		} catch (err) {
			return failFromError(err, values);
		}
		redirect(303, `/signup/check-email`);
	}
};
