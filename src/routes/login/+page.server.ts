import { redirect } from '@sveltejs/kit';
import { logInSchema } from '$lib/domain/schemas/auth';
import { logIn } from '$lib/server/auth/log-in';
import { finishSignIn, userAgentOf } from '$lib/server/http/sign-in';
import { formAction, parseValues } from '$lib/server/http/form-action';
import { setPendingSignInCookie } from '$lib/server/http/pending-sign-in-cookie';
import { safeNext } from '$lib/server/http/safe-next';
import { PENDING_EXPIRED } from '$lib/server/two-factor/pending-sign-in';
import type { Actions, PageServerLoad } from './$types';

// Plain forms that post natively: the server keeps what was typed and focuses the first error,
// so the page ships no JavaScript (decision 0023: the 40 KB budget).
export const csr = false;

export const load: PageServerLoad = ({ url }) => ({
	next: safeNext(url.searchParams.get('next'), url.origin),
	notice:
		url.searchParams.get('reset') === 'done'
			? 'Your password has been changed. Sign in with the new one.'
			: url.searchParams.get('signed-out')
				? 'You are signed out.'
				: url.searchParams.get('second-step') === 'expired'
					? PENDING_EXPIRED
					: null
});

export const actions: Actions = {
	// A refusal for too many attempts carries Retry-After: the form action sets it.
	default: formAction(async (event, { values }) => {
		const { locals, cookies, url } = event;
		const credentials = parseValues(logInSchema, values);
		const address = event.getClientAddress();
		const session = await logIn(locals.ctx, {
			...credentials,
			address,
			userAgent: userAgentOf(event)
		});
		if (session.secondStep) {
			setPendingSignInCookie(cookies, url, session.token, session.expiresAt);
			redirect(
				303,
				`/login/second-factor?next=${encodeURIComponent(safeNext(values.next, url.origin))}`
			);
		}
		await finishSignIn(event, session);
		redirect(303, safeNext(values.next, url.origin));
	})
};
