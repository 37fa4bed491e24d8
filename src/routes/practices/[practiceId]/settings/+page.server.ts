import { practiceNameSchema } from '$lib/domain/schemas/auth';
import { formAction, parseValues } from '$lib/server/http/form-action';
import { withErrorPage } from '$lib/server/http/load';
import { getPracticeName } from '$lib/server/practices/get-practice-names';
import { renamePractice } from '$lib/server/practices/rename-practice';
import {
	getSecondFactorRequirement,
	setSecondFactorRequirement
} from '$lib/server/two-factor/requirement';
import type { Actions, PageServerLoad } from './$types';

// Plain forms that post natively: the server keeps what was typed and focuses the first error,
// so the page ships no JavaScript (decision 0023: the 40 KB budget).
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params }) => ({
		practice: await getPracticeName(locals.ctx, { practiceId: params.practiceId }),
		secondFactorRequired: await getSecondFactorRequirement(locals.ctx, {
			actor: locals.signedIn!.actor,
			practiceId: params.practiceId
		})
	}));

export const actions: Actions = {
	rename: formAction(async ({ locals, params }, { values }) => {
		const { name } = parseValues(practiceNameSchema, values);
		const actor = locals.signedIn!.actor;
		await renamePractice(locals.ctx, { actor, practiceId: params.practiceId, name });
		return { saved: true };
	}),
	secondFactor: formAction(
		async ({ locals, params }, { values }) => {
			const actor = locals.signedIn!.actor;
			const required = values.required === 'yes';
			await setSecondFactorRequirement(locals.ctx, {
				actor,
				practiceId: params.practiceId,
				required
			});
			return { secondFactorSaved: true };
		},
		{ form: 'second-factor' }
	)
};
