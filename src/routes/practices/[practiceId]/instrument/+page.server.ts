import { FEW_RESPONDENTS } from '$lib/server/instrument-stats/get-instrument-statistics';
import { getInstrumentPage } from '$lib/server/instrument-stats/get-instrument-page';
import { formAction } from '$lib/server/http/form-action';
import { withErrorPage } from '$lib/server/http/load';
import { adoptPracticeNorms, useBuiltInNorms } from '$lib/server/practice-norms/adopt-norms';
import type { Actions, PageServerLoad } from './$types';

// A page to read with two plain forms that post natively: the page ships no JavaScript
// (decision 0023: the 40 KB budget).
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params }) => {
		const page = await getInstrumentPage(locals.ctx, {
			actor: locals.signedIn!.actor,
			practiceId: params.practiceId
		});
		return { practiceId: params.practiceId, fewRespondents: FEW_RESPONDENTS, ...page };
	});

export const actions: Actions = {
	adopt: formAction(
		async ({ locals, params }) => {
			const actor = locals.signedIn!.actor;
			const adopted = await adoptPracticeNorms(locals.ctx, {
				actor,
				practiceId: params.practiceId
			});
			return { adopted: adopted.respondents };
		},
		{ form: 'norms' }
	),
	builtIn: formAction(
		async ({ locals, params }) => {
			const actor = locals.signedIn!.actor;
			await useBuiltInNorms(locals.ctx, { actor, practiceId: params.practiceId });
			return { builtIn: true };
		},
		{ form: 'norms' }
	)
};
