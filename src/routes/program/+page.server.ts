import { redirect } from '@sveltejs/kit';
import { formAction } from '$lib/server/http/form-action';
import { withErrorPage } from '$lib/server/http/load';
import { startBuiltInProgram } from '$lib/server/programs/enrol';
import { completeMyStep } from '$lib/server/programs/follow';
import { getProgramPage } from '$lib/server/programs/program-page';
import { skipMyTeamStep } from '$lib/server/programs/team-step';
import type { Actions, PageServerLoad } from './$types';

// Read and answered with plain forms: no script (decision 0023).
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, url }) => ({
		saved: url.searchParams.get('saved'),
		...(await getProgramPage(locals.ctx, { actor: locals.signedIn!.actor }))
	}));

export const actions: Actions = {
	done: formAction(async ({ locals }, { values }) => {
		const input = {
			actor: locals.signedIn!.actor,
			stepId: values.stepId ?? '',
			answer: values.answer
		};
		await completeMyStep(locals.ctx, input);
		redirect(303, '/program?saved=done');
	}),
	skip: formAction(async ({ locals }, { values }) => {
		await skipMyTeamStep(locals.ctx, {
			actor: locals.signedIn!.actor,
			stepId: values.stepId ?? ''
		});
		redirect(303, '/program?saved=skipped');
	}),
	start: formAction(async ({ locals }) => {
		await startBuiltInProgram(locals.ctx, { actor: locals.signedIn!.actor });
		redirect(303, '/program?saved=started');
	})
};
