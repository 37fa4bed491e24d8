import { redirect } from '@sveltejs/kit';
import { endSession } from '$lib/server/auth/sessions';
import { clearSessionCookie, readSessionCookie } from '$lib/server/http/cookies';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		const token = readSessionCookie(cookies, url);
		if (token) await endSession(locals.ctx, token);
		clearSessionCookie(cookies, url);
		redirect(303, '/login?signed-out=1');
	}
};
