import { forgotPasswordSchema } from '$lib/domain/schemas/auth';
import { requestPasswordReset } from '$lib/server/auth/request-password-reset';
import { formAction, parseValues } from '$lib/server/http/form-action';
import { baseUrl } from '$lib/server/http/forms';
import type { Actions } from './$types';

// Plain forms that post natively: the server keeps what was typed and focuses the first error,
// so the page ships no JavaScript (decision 0023: the 40 KB budget).
export const csr = false;

export const actions: Actions = {
	default: formAction(async ({ locals, url, getClientAddress }, { values }) => {
		const { email } = parseValues(forgotPasswordSchema, values);
		await requestPasswordReset(locals.ctx, {
			email,
			address: getClientAddress(),
			baseUrl: baseUrl(url, locals.ctx.config.publicUrl)
		});
		return { sent: true, email };
	})
};
