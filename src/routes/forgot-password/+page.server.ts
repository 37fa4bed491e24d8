import { forgotPasswordSchema } from '$lib/domain/schemas/auth';
import { requestPasswordReset } from '$lib/server/auth/request-password-reset';
import { baseUrl, failFromError, formValues, parseForm } from '$lib/server/http/forms';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, locals, url, getClientAddress }) => {
		const values = formValues(await request.formData());
		const parsed = parseForm(forgotPasswordSchema, values);
		if (!parsed.ok) return parsed.failure;
		try {
			const base = baseUrl(url, locals.ctx.config.publicUrl);
			await requestPasswordReset(locals.ctx, {
				email: parsed.data.email,
				address: getClientAddress(),
				baseUrl: base
			});
		} catch (err) {
			return failFromError(err, values);
		}
		return { sent: true, email: parsed.data.email };
	}
};
