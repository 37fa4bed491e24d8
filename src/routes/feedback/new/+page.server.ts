import { redirect } from '@sveltejs/kit';
import { addDays, todayFor } from '$lib/domain/actions/dates';
import { DEFAULT_ROUND_DAYS } from '$lib/domain/feedback/round-rules';
import { hasOpenRound, openFeedbackRound } from '$lib/server/feedback/open-round';
import { formAction } from '$lib/server/http/form-action';
import { baseUrl } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

// A plain form: refusals come back with what was typed and focus on the first field in error,
// so the page ships no JavaScript (decision 0023: the 40 KB budget).
export const csr = false;

export const load: PageServerLoad = async ({ locals }) => ({
	defaultClosesOn: addDays(todayFor(locals.ctx.now()), DEFAULT_ROUND_DAYS),
	// One round at a time: said before the form is filled, not after it is sent.
	roundOpen: await hasOpenRound(locals.ctx, { actor: locals.signedIn!.actor })
});

export const actions: Actions = {
	default: formAction(async ({ locals, url }, { values }) => {
		await openFeedbackRound(locals.ctx, {
			actor: locals.signedIn!.actor,
			values,
			baseUrl: baseUrl(url, locals.ctx.config.publicUrl)
		});
		redirect(303, '/feedback?opened=1');
	})
};
