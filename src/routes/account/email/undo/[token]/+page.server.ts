import { peekEmailChangeUndo, undoEmailChange } from '$lib/server/email-change/undo-email-change';
import { formAction } from '$lib/server/http/form-action';
import { withLinkProblem } from '$lib/server/http/load';
import { userAgentOf } from '$lib/server/http/sign-in';
import type { Actions, PageServerLoad } from './$types';

// Opening the link only shows a button: mail scanners that fetch links must not use them up.
// One plain form (decision 0023).
export const csr = false;

export const load: PageServerLoad = async ({ params, locals }) => {
	const { found, linkProblem } = await withLinkProblem(() =>
		peekEmailChangeUndo(locals.ctx, params.token)
	);
	return { linkProblem, oldEmail: found?.old_email ?? null };
};

export const actions: Actions = {
	default: formAction((event) => {
		const signedIn = event.locals.signedIn;
		return undoEmailChange(event.locals.ctx, {
			token: event.params.token,
			currentSession: signedIn ? { userId: signedIn.user.id, tokenHash: signedIn.tokenHash } : null,
			userAgent: userAgentOf(event)
		});
	})
};
