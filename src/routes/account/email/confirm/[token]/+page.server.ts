import { confirmEmailChange, peekEmailChange } from '$lib/server/email-change/confirm-email-change';
import { baseUrl } from '$lib/server/http/forms';
import { formAction } from '$lib/server/http/form-action';
import { withLinkProblem } from '$lib/server/http/load';
import { userAgentOf } from '$lib/server/http/sign-in';
import type { Actions, PageServerLoad } from './$types';

// Opening the link only shows a button: mail scanners that fetch links must not use them up.
// One plain form (decision 0023).
export const csr = false;

export const load: PageServerLoad = async ({ params, locals }) => {
	const { found, linkProblem } = await withLinkProblem(() =>
		peekEmailChange(locals.ctx, params.token)
	);
	return { linkProblem, newEmail: found?.new_email ?? null };
};

export const actions: Actions = {
	default: formAction((event) =>
		confirmEmailChange(event.locals.ctx, {
			token: event.params.token,
			baseUrl: baseUrl(event.url, event.locals.ctx.config.publicUrl),
			userAgent: userAgentOf(event)
		})
	)
};
