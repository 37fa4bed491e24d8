import { redirect } from '@sveltejs/kit';
import { closeRoundEarly, extendRound } from '$lib/server/feedback/change-round';
import { remindWaitingRaters } from '$lib/server/feedback/remind-raters';
import { dismissSuggestion, suggestionForMe } from '$lib/server/feedback/suggestions';
import { listFeedbackRounds } from '$lib/server/feedback/view-rounds';
import { formAction } from '$lib/server/http/form-action';
import { baseUrl } from '$lib/server/http/forms';
import { withErrorPage } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

// Every form posts natively and the refusal comes back with what was typed: no JavaScript
// needed (decision 0023: the 40 KB budget).
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, url }) => ({
		rounds: await listFeedbackRounds(locals.ctx, { actor: locals.signedIn!.actor }),
		suggestion: await suggestionForMe(locals.ctx, { actor: locals.signedIn!.actor }),
		opened: url.searchParams.has('opened')
	}));

export const actions: Actions = {
	extend: formAction(
		async ({ locals }, { values }) => {
			const { actor } = locals.signedIn!;
			const input = { actor, roundId: values.roundId ?? '', closesOn: values.closesOn ?? '' };
			await extendRound(locals.ctx, input);
			return { changed: 'The round now stays open longer.' };
		},
		{ form: 'extend' }
	),
	remind: formAction(
		async ({ locals, url }, { values }) => {
			await remindWaitingRaters(locals.ctx, {
				actor: locals.signedIn!.actor,
				roundId: values.roundId ?? '',
				baseUrl: baseUrl(url, locals.ctx.config.publicUrl)
			});
			return { changed: 'Everyone who has not answered yet gets a reminder by email.' };
		},
		{ form: 'remind' }
	),
	notNow: formAction(
		async ({ locals }) => {
			await dismissSuggestion(locals.ctx, { actor: locals.signedIn!.actor });
			return { changed: 'Noted. Your coach may suggest it again another time.' };
		},
		{ form: 'notNow' }
	),
	close: formAction(
		async ({ locals }, { values }) => {
			const roundId = values.roundId ?? '';
			const confirmed = values.confirm === 'yes';
			await closeRoundEarly(locals.ctx, { actor: locals.signedIn!.actor, roundId, confirmed });
			redirect(303, `/feedback/${roundId}?closed=1`); // straight to what can be shown
		},
		{ form: 'close' }
	)
};
