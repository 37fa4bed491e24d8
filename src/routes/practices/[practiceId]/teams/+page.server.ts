import { redirect } from '@sveltejs/kit';
import { formAction } from '$lib/server/http/form-action';
import { withErrorPage } from '$lib/server/http/load';
import { createTeam } from '$lib/server/teams/manage-team';
import { listPracticeTeams } from '$lib/server/teams/list-teams';
import type { Actions, PageServerLoad } from './$types';

// Plain forms: the page needs no script (decision 0023).
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params }) => ({
		practiceId: params.practiceId,
		teams: await listPracticeTeams(locals.ctx, {
			actor: locals.signedIn!.actor,
			practiceId: params.practiceId
		})
	}));

export const actions: Actions = {
	create: formAction(async ({ locals, params }, { values }) => {
		const { id } = await createTeam(locals.ctx, {
			actor: locals.signedIn!.actor,
			practiceId: params.practiceId,
			values
		});
		redirect(303, `/teams/${id}/manage?created=1`);
	})
};
