import { rosterQueryFrom } from '$lib/domain/roster-query';
import { setDigestMode } from '$lib/server/digest/set-digest-mode';
import { formAction } from '$lib/server/http/form-action';
import { withErrorPage } from '$lib/server/http/load';
import { getPracticePage } from '$lib/server/practices/get-practice-page';
import type { Actions, PageServerLoad } from './$types';

// No client: the forms post natively, and a standalone script adds what needs one (decision 0040).
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, ({ locals, params, url }) =>
		getPracticePage(locals.ctx, {
			actor: locals.signedIn!.actor,
			practiceId: params.practiceId,
			query: rosterQueryFrom(url.searchParams)
		})
	);

export const actions: Actions = {
	digest: formAction(async ({ locals }, { values }) => {
		await setDigestMode(locals.ctx, { actor: locals.signedIn!.actor, mode: values.mode ?? '' });
		return { digest: 'saved' };
	})
};
