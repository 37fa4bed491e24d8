import { redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/http/cookies';
import { formAction } from '$lib/server/http/form-action';
import { withLinkProblem } from '$lib/server/http/load';
import {
	joinTeamSignedIn,
	joinTeamWithNewAccount,
	viewTeamInvitation
} from '$lib/server/teams/join-team';
import type { Actions, PageServerLoad } from './$types';

// Opening the link only shows who sees what: nothing is accepted until the person chooses to.
export const csr = false;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = locals.signedIn?.user;
	return {
		path: url.pathname,
		signedInAs: user?.email ?? null,
		...(await withLinkProblem(() => viewTeamInvitation(locals.ctx, params.token)))
	};
};

export const actions: Actions = {
	create: formAction(async ({ locals, params, cookies, url, getClientAddress }, { values }) => {
		const joined = await joinTeamWithNewAccount(locals.ctx, {
			token: params.token,
			values,
			address: getClientAddress()
		});
		setSessionCookie(cookies, url, joined.token, joined.expiresAt);
		redirect(303, `/teams/${joined.teamId}?joined=1`);
	}),
	join: formAction(async ({ locals, params, url }) => {
		if (!locals.signedIn) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
		const { teamId } = await joinTeamSignedIn(locals.ctx, {
			actor: locals.signedIn.actor,
			token: params.token
		});
		redirect(303, `/teams/${teamId}?joined=1`);
	})
};
