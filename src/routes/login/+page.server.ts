import { redirect } from '@sveltejs/kit';
import { logInSchema } from '$lib/domain/schemas/auth';
import { logIn } from '$lib/server/auth/log-in';
import { setSessionCookie } from '$lib/server/http/cookies';
import { failFromError, formValues, parseForm } from '$lib/server/http/forms';
import { safeNext } from '$lib/server/http/safe-next';
import { isDomainError } from '$lib/domain/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
	next: safeNext(url.searchParams.get('next'), url.origin),
	notice:
		url.searchParams.get('reset') === 'done'
			? 'Your password has been changed. Sign in with the new one.'
			: url.searchParams.get('signed-out')
				? 'You are signed out.'
				: null
});

export const actions: Actions = {
	default: async ({ request, locals, cookies, url, getClientAddress, setHeaders }) => {
		const values = formValues(await request.formData());
		const parsed = parseForm(logInSchema, values);
		if (!parsed.ok) return parsed.failure;
		try {
			const session = await logIn(locals.ctx, { ...parsed.data, address: getClientAddress() });
			setSessionCookie(cookies, url, session.token, session.expiresAt);
		} catch (err) {
			if (isDomainError(err) && err.retryAfterSeconds)
				setHeaders({ 'retry-after': String(err.retryAfterSeconds) });
			return failFromError(err, values);
		}
		redirect(303, safeNext(values.next, url.origin));
	}
};
