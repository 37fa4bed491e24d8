import { redirect } from '@sveltejs/kit';
import { cancelDeletion } from '$lib/server/account-deletion/cancel-deletion';
import { requestExport } from '$lib/server/data-export/request-export';
import { getYourDataPage } from '$lib/server/data-export/your-data-page';
import { formAction } from '$lib/server/http/form-action';
import type { Actions, PageServerLoad } from './$types';

// Plain forms; while an export is being made, the page refreshes itself (a meta refresh works
// with and without JavaScript), so it ships no script (decision 0023).
export const csr = false;

export const load: PageServerLoad = async ({ locals }) =>
	getYourDataPage(locals.ctx, locals.signedIn!);

export const actions: Actions = {
	export: formAction(
		async ({ locals }) => {
			await requestExport(locals.ctx, { actor: locals.signedIn!.actor, scope: 'person' });
			redirect(303, '/account/data');
		},
		{ form: 'export' }
	),
	undo: formAction(
		async ({ locals }) => {
			await cancelDeletion(locals.ctx, { actor: locals.signedIn!.actor });
			redirect(303, '/account/data?kept=1');
		},
		{ form: 'undo' }
	)
};
