import { listMyTeams } from '$lib/server/teams/list-teams';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ locals }) => ({
	teams: await listMyTeams(locals.ctx, { actor: locals.signedIn!.actor })
});
