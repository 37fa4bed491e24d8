import { withErrorPage } from '$lib/server/http/load';
import { getTeamPage } from '$lib/server/teams/view-team';
import type { PageServerLoad } from './$types';

// Server-rendered SVG and tables: the map needs no script (decision 0023).
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params, url }) => ({
		page: await getTeamPage(locals.ctx, { actor: locals.signedIn!.actor, teamId: params.teamId }),
		joined: url.searchParams.has('joined')
	}));
