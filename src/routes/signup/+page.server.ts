import { redirect } from '@sveltejs/kit';
import { signUpSchema } from '$lib/domain/schemas/auth';
import { signUp } from '$lib/server/auth/sign-up';
import { formAction, parseValues } from '$lib/server/http/form-action';
import { baseUrl } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

// Plain forms that post natively: the server keeps what was typed and focuses the first error,
// so the page ships no JavaScript (decision 0023: the 40 KB budget).
export const csr = false;

export const load: PageServerLoad = ({ url }) => ({
	kind:
		url.searchParams.get('kind') === 'coach'
			? 'coach'
			: url.searchParams.get('kind') === 'client'
				? 'client'
				: null
});

export const actions: Actions = {
	default: formAction(async ({ locals, url, getClientAddress }, { values }) => {
		const account = parseValues(signUpSchema, values);
		const base = baseUrl(url, locals.ctx.config.publicUrl);
		await signUp(locals.ctx, { ...account, address: getClientAddress(), baseUrl: base });
		redirect(303, `/signup/check-email`);
	})
};
