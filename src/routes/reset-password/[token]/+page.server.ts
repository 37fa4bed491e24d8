import { redirect } from '@sveltejs/kit';
import { isDomainError } from '$lib/domain/errors';
import { resetPasswordSchema } from '$lib/domain/schemas/auth';
import { peekEmailToken } from '$lib/server/auth/email-tokens';
import { resetPassword } from '$lib/server/auth/reset-password';
import { failFromError, formValues, parseForm } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	try {
		const user = await peekEmailToken(locals.ctx, params.token, 'reset-password');
		return { linkProblem: null, email: user.email };
	} catch (err) {
		if (!isDomainError(err)) throw err;
		return { linkProblem: err.message, email: null };
	}
};

export const actions: Actions = {
	default: async ({ request, params, locals }) => {
		const values = formValues(await request.formData());
		const parsed = parseForm(resetPasswordSchema, values);
		if (!parsed.ok) return parsed.failure;
		try {
			await resetPassword(locals.ctx, { token: params.token, password: parsed.data.password });
		} catch (err) {
			return failFromError(err, values);
		}
		redirect(303, '/login?reset=done');
	}
};
