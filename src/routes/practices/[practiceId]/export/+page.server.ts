import { redirect } from '@sveltejs/kit';
import { getExportState } from '$lib/server/data-export/export-state';
import { requestExport } from '$lib/server/data-export/request-export';
import { getPracticeName } from '$lib/server/practices/get-practice-names';
import { formAction } from '$lib/server/http/form-action';
import { withErrorPage } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params }) => ({
		practice: await getPracticeName(locals.ctx, { practiceId: params.practiceId }),
		exportState: await getExportState(locals.ctx, {
			actor: locals.signedIn!.actor,
			scope: 'practice',
			practiceId: params.practiceId
		})
	}));

export const actions: Actions = {
	export: formAction(async ({ locals, params }) => {
		const actor = locals.signedIn!.actor;
		await requestExport(locals.ctx, { actor, scope: 'practice', practiceId: params.practiceId });
		redirect(303, `/practices/${params.practiceId}/export`);
	})
};
