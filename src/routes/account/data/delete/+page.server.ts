import { redirect } from '@sveltejs/kit';
import { previewDeletion, requestDeletion } from '$lib/server/account-deletion/request-deletion';
import { clearSessionCookie } from '$lib/server/http/cookies';
import { formAction } from '$lib/server/http/form-action';
import { withErrorPage } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals }) => ({
		email: locals.signedIn!.user.email,
		preview: await previewDeletion(locals.ctx, { actor: locals.signedIn!.actor })
	}));

export const actions: Actions = {
	default: formAction(async ({ locals, cookies, url }, { values }) => {
		const { deleteAfter } = await requestDeletion(locals.ctx, {
			actor: locals.signedIn!.actor,
			password: values.password ?? ''
		});
		// Every session has ended: the cookie goes too, and the next page says what happens now.
		clearSessionCookie(cookies, url);
		redirect(303, `/account/data/scheduled?on=${encodeURIComponent(deleteAfter)}`);
	})
};
