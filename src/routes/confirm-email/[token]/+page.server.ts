import { redirect } from '@sveltejs/kit';
import { isDomainError } from '$lib/domain/errors';
import { peekEmailToken } from '$lib/server/auth/email-tokens';
import { confirmEmailAddress } from '$lib/server/auth/confirm-email';
import { setSessionCookie } from '$lib/server/http/cookies';
import { failFromError } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

// Opening the link only shows a button: mail scanners that fetch links must not use them up.
export const load: PageServerLoad = async ({ params, locals }) => {
	try {
		const user = await peekEmailToken(locals.ctx, params.token, 'confirm-email');
		return { linkProblem: null, name: user.name };
	} catch (err) {
		if (!isDomainError(err)) throw err;
		return { linkProblem: err.message, name: null };
	}
};

export const actions: Actions = {
	default: async ({ params, locals, cookies, url, request }) => {
		const password = String((await request.formData()).get('password') ?? '');
		try {
			const session = await confirmEmailAddress(locals.ctx, { token: params.token, password });
			setSessionCookie(cookies, url, session.token, session.expiresAt);
		} catch (err) {
			return failFromError(err, {});
		}
		redirect(303, '/home?welcome=1');
	}
};
