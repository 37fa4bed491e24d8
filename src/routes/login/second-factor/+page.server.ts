import { redirect } from '@sveltejs/kit';
import { finishSignIn, userAgentOf } from '$lib/server/http/sign-in';
import { formAction } from '$lib/server/http/form-action';
import { safeNext } from '$lib/server/http/safe-next';
import {
	clearPendingSignInCookie,
	readPendingSignInCookie
} from '$lib/server/http/pending-sign-in-cookie';
import { completeSignIn, isPendingSignInLive } from '$lib/server/two-factor/pending-sign-in';
import type { Actions, PageServerLoad } from './$types';

// Also runs after a refused code: a sign-in that ran out of time goes back to the password step.
// Plain forms that post natively: the server keeps what was typed and focuses the first error,
// so the page ships no JavaScript (decision 0023: the 40 KB budget).
export const csr = false;

export const load: PageServerLoad = async ({ locals, cookies, url }) => {
	if (!(await isPendingSignInLive(locals.ctx, readPendingSignInCookie(cookies, url)))) {
		clearPendingSignInCookie(cookies, url);
		redirect(303, '/login?second-step=expired');
	}
	return { next: safeNext(url.searchParams.get('next'), url.origin) };
};

export const actions: Actions = {
	default: formAction(async (event, { values }) => {
		const { locals, cookies, url } = event;
		const token = readPendingSignInCookie(cookies, url);
		const code = (values.code ?? '').slice(0, 64);
		const address = event.getClientAddress();
		const userAgent = userAgentOf(event);
		const session = await completeSignIn(locals.ctx, { token, code, address, userAgent });
		clearPendingSignInCookie(cookies, url);
		await finishSignIn(event, session);
		redirect(303, safeNext(values.next, url.origin));
	})
};
