import { redirect } from '@sveltejs/kit';
import { endSession } from '$lib/server/auth/sessions';
import { clearSessionCookie, readSessionCookie } from '$lib/server/http/cookies';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ locals, cookies, url, setHeaders }) => {
		const token = readSessionCookie(cookies, url);
		if (token) await endSession(locals.ctx, token);
		clearSessionCookie(cookies, url);
		// The browser forgets what this site kept in it (journal copies): the next person on this
		// computer starts clean. The sign-out form also clears them itself where JavaScript runs.
		setHeaders({ 'clear-site-data': '"storage"' });
		redirect(303, '/login?signed-out=1');
	}
};
