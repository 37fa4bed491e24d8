import { closeRoundEarly, extendRound } from '$lib/server/feedback/change-round';
import { remindWaitingRaters } from '$lib/server/feedback/remind-raters';
import { listFeedbackRounds } from '$lib/server/feedback/view-rounds';
import { formAction } from '$lib/server/http/form-action';
import { baseUrl } from '$lib/server/http/forms';
import { withErrorPage } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, url }) => ({
		rounds: await listFeedbackRounds(locals.ctx, { actor: locals.signedIn!.actor }),
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
	close: formAction(
		async ({ locals }, { values }) => {
			await closeRoundEarly(locals.ctx, {
				actor: locals.signedIn!.actor,
				roundId: values.roundId ?? ''
			});
			return { changed: 'The round is closed. Here is what can be shown.' };
		},
		{ form: 'close' }
	)
};
