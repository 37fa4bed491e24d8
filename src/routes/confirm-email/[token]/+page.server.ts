import { redirect } from '@sveltejs/kit';
import { peekEmailToken } from '$lib/server/auth/email-tokens';
import { confirmEmailAddress } from '$lib/server/auth/confirm-email';
import { finishSignIn, userAgentOf } from '$lib/server/http/sign-in';
import { formAction } from '$lib/server/http/form-action';
import { withLinkProblem } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

// Opening the link only shows a button: mail scanners that fetch links must not use them up.
// Its one form posts natively and uses no script of its own: the page ships no JavaScript
// (decision 0023: the 40 KB budget).
export const csr = false;

export const load: PageServerLoad = async ({ params, locals }) => {
	const { found, linkProblem } = await withLinkProblem(() =>
		peekEmailToken(locals.ctx, params.token, 'confirm-email')
	);
	return { linkProblem, name: found?.name ?? null };
};

export const actions: Actions = {
	default: formAction(async (event, { values }) => {
		const { params, locals } = event;
		const session = await confirmEmailAddress(locals.ctx, {
			token: params.token,
			password: values.password ?? '',
			userAgent: userAgentOf(event)
		});
		// The browser that confirmed a new account is its first device: no new-device email.
		await finishSignIn(event, session, { notify: false });
		redirect(303, '/home?welcome=1');
	})
};
