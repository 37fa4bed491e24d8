import { formAction } from '$lib/server/http/form-action';
import { withErrorPage } from '$lib/server/http/load';
import { getCheckIn, saveCheckIn } from '$lib/server/team-check-ins/check-in';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// A plain form: every press of a button saves what is chosen so far, JavaScript or not.
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params }) => ({
		checkIn: await getCheckIn(locals.ctx, {
			actor: locals.signedIn!.actor,
			teamId: params.teamId
		})
	}));

const save = (finish: boolean) =>
	formAction(async ({ locals, params }: RequestEvent, { values }) => {
		const { completed } = await saveCheckIn(locals.ctx, {
			actor: locals.signedIn!.actor,
			teamId: params.teamId,
			values,
			finish
		});
		return { saved: finish && completed ? 'finished' : 'saved' };
	});

export const actions: Actions = { save: save(false), finish: save(true) };
