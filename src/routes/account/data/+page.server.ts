import { redirect } from '@sveltejs/kit';
import { cancelDeletion } from '$lib/server/account-deletion/cancel-deletion';
import { requestExportRecentlyConfirmed } from '$lib/server/data-export/request-export';
import { getYourDataPage } from '$lib/server/data-export/your-data-page';
import { formAction } from '$lib/server/http/form-action';
import { sensitiveAction, takeHeldForm } from '$lib/server/http/reauth';
import type { Actions, PageServerLoad } from './$types';

// Plain forms; while an export is being made, the page refreshes itself (a meta refresh works
// with and without JavaScript), so it ships no script (decision 0023).
export const csr = false;

export const load: PageServerLoad = async (event) => ({
	...(await getYourDataPage(event.locals.ctx, event.locals.signedIn!)),
	// Back from "Confirm it is you" (the export form holds nothing typed, only that it was sent).
	confirmedIt: takeHeldForm(event) !== null
});

export const actions: Actions = {
	// A copy of everything leaves the server: the password or a passkey within 10 minutes (0031).
	export: sensitiveAction(
		async ({ locals }) => {
			await requestExportRecentlyConfirmed(locals.ctx, { signedIn: locals.signedIn!, scope: 'person' });
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
