import { redirect } from '@sveltejs/kit';
import { acceptInvitation } from '$lib/server/invitations/accept-invitation';
import { joinPractice } from '$lib/server/invitations/join-practice';
import { viewInvitation } from '$lib/server/invitations/view-invitation';
import { endSession } from '$lib/server/auth/sessions';
import { clearSessionCookie, readSessionCookie } from '$lib/server/http/cookies';
import { finishSignIn, userAgentOf } from '$lib/server/http/sign-in';
import { formAction } from '$lib/server/http/form-action';
import type { Actions, PageServerLoad } from './$types';

// Opening the link only shows the invitation: mail scanners that fetch links accept nothing.
// Plain forms that post natively: the server keeps what was typed and focuses the first error,
// so the page ships no JavaScript (decision 0023: the 40 KB budget).
export const csr = false;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = locals.signedIn?.user;
	return {
		path: url.pathname,
		view: await viewInvitation(locals.ctx, {
			token: params.token,
			viewer: user ? { userId: user.id, email: user.email } : null
		})
	};
};

export const actions: Actions = {
	create: formAction(async (event, { values }) => {
		const accepted = await acceptInvitation(event.locals.ctx, {
			token: event.params.token,
			values,
			address: event.getClientAddress(),
			userAgent: userAgentOf(event)
		});
		// A new account's first browser: no new-device email.
		await finishSignIn(event, accepted, { notify: false });
		redirect(303, '/home');
	}),
	join: formAction(async ({ locals, params, url }) => {
		const user = locals.signedIn?.user;
		if (!user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
		await joinPractice(locals.ctx, { token: params.token, user });
		redirect(303, '/home');
	}),
	// Signed in as someone else: sign out here and come straight back to the invitation.
	signout: async ({ locals, cookies, url }) => {
		const token = readSessionCookie(cookies, url);
		if (token) await endSession(locals.ctx, token);
		clearSessionCookie(cookies, url);
		redirect(303, url.pathname);
	}
};
