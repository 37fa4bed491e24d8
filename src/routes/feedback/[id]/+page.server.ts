import { shareRound } from '$lib/server/feedback/share-round';
import { getFeedbackRound } from '$lib/server/feedback/view-rounds';
import { formAction } from '$lib/server/http/form-action';
import { withErrorPage } from '$lib/server/http/load';
import { hasCoach } from '$lib/server/practices/sharing-with-coach';
import type { Actions, PageServerLoad } from './$types';

// Every form posts natively and the refusal comes back with what was typed: no JavaScript
// needed (decision 0023: the 40 KB budget).
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params, url }) => {
		const round = await getFeedbackRound(locals.ctx, {
			actor: locals.signedIn!.actor,
			roundId: params.id
		});
		// Sharing is offered only to the round's owner, and only with a coach to share with.
		const canShare =
			round.viewer === 'owner' && (await hasCoach(locals.ctx, locals.signedIn!.user.id));
		return { round, canShare, justClosed: url.searchParams.has('closed') };
	});

export const actions: Actions = {
	share: formAction(async ({ locals, params }, { values }) => {
		const share = values.share === 'on';
		await shareRound(locals.ctx, { actor: locals.signedIn!.actor, roundId: params.id, share });
		return { shared: share };
	})
};
