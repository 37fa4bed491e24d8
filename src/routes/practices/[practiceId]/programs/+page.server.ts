import { redirect } from '@sveltejs/kit';
import { formAction } from '$lib/server/http/form-action';
import { withErrorPage } from '$lib/server/http/load';
import { copyProgram, createProgram } from '$lib/server/programs/create-program';
import { importProgramFile } from '$lib/server/programs/import-file';
import { getProgramsPage } from '$lib/server/programs/pages';
import { setProgressThresholds } from '$lib/server/programs/thresholds';
import type { Actions, PageServerLoad } from './$types';

// Plain forms that post natively (decision 0023): no script on this page.
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params }) => ({
		practiceId: params.practiceId,
		...(await getProgramsPage(locals.ctx, {
			actor: locals.signedIn!.actor,
			practiceId: params.practiceId
		}))
	}));

const to = (practiceId: string, id: string) => `/practices/${practiceId}/programs/${id}`;

export const actions: Actions = {
	create: formAction(
		async ({ locals, params }, { values }) => {
			const input = {
				actor: locals.signedIn!.actor,
				practiceId: params.practiceId,
				title: values.title ?? ''
			};
			redirect(303, to(params.practiceId, (await createProgram(locals.ctx, input)).id));
		},
		{ form: 'create' }
	),
	copy: formAction(
		async ({ locals, params }, { values }) => {
			const input = {
				actor: locals.signedIn!.actor,
				practiceId: params.practiceId,
				from: values.from ?? ''
			};
			redirect(303, to(params.practiceId, (await copyProgram(locals.ctx, input)).id));
		},
		{ form: 'copy' }
	),
	import: formAction(
		async ({ locals, params }, { data }) => {
			const input = {
				actor: locals.signedIn!.actor,
				practiceId: params.practiceId,
				file: data.get('file')
			};
			redirect(303, to(params.practiceId, (await importProgramFile(locals.ctx, input)).id));
		},
		{ form: 'import' }
	),
	thresholds: formAction(
		async ({ locals, params }, { values }) => {
			await setProgressThresholds(locals.ctx, {
				actor: locals.signedIn!.actor,
				practiceId: params.practiceId,
				values
			});
			return { thresholdsSaved: true };
		},
		{ form: 'thresholds' }
	)
};
