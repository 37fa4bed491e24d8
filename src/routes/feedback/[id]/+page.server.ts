import { getFeedbackRound } from '$lib/server/feedback/view-rounds';
import { withErrorPage } from '$lib/server/http/load';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params }) => ({
		round: await getFeedbackRound(locals.ctx, {
			actor: locals.signedIn!.actor,
			roundId: params.id
		})
	}));
