import { redirect } from '@sveltejs/kit';
import { isDomainError } from '$lib/domain/errors';
import { acceptInvitation } from '$lib/server/invitations/accept-invitation';
import { joinPractice } from '$lib/server/invitations/join-practice';
import { viewInvitation } from '$lib/server/invitations/view-invitation';
import { endSession } from '$lib/server/auth/sessions';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '$lib/server/http/cookies';
import { failFromError, formValues } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

// Opening the link only shows the invitation: mail scanners that fetch links accept nothing.
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
	create: async ({ locals, params, request, cookies, url, getClientAddress, setHeaders }) => {
		const values = formValues(await request.formData());
		try {
			const accepted = await acceptInvitation(locals.ctx, {
				token: params.token,
				values,
				address: getClientAddress()
			});
			setSessionCookie(cookies, url, accepted.token, accepted.expiresAt);
		} catch (err) {
			if (isDomainError(err) && err.retryAfterSeconds)
				setHeaders({ 'retry-after': String(err.retryAfterSeconds) });
			return failFromError(err, values);
		}
		redirect(303, '/home');
	},
	join: async ({ locals, params, url }) => {
		const user = locals.signedIn?.user;
		if (!user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
		try {
			await joinPractice(locals.ctx, { token: params.token, user });
		} catch (err) {
			return failFromError(err, {});
		}
		redirect(303, '/home');
	},
	// Signed in as someone else: sign out here and come straight back to the invitation.
	signout: async ({ locals, cookies, url }) => {
		const token = readSessionCookie(cookies, url);
		if (token) await endSession(locals.ctx, token);
		clearSessionCookie(cookies, url);
		redirect(303, url.pathname);
	}
};
