import { addDays, todayFor } from '$lib/domain/actions/dates';
import { withErrorPage } from '$lib/server/http/load';
import { getTeamManagement } from '$lib/server/teams/list-teams';
import { manageTeamActions } from '$lib/server/teams/manage-forms';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params, url }) => ({
		...(await getTeamManagement(locals.ctx, {
			actor: locals.signedIn!.actor,
			teamId: params.teamId
		})),
		created: url.searchParams.has('created'),
		defaultClosesOn: addDays(todayFor(locals.ctx.now()), 14)
	}));

export const actions: Actions = manageTeamActions;
