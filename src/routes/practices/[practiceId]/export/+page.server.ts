import { redirect } from '@sveltejs/kit';
import { getExportState } from '$lib/server/data-export/export-state';
import { requestExportRecentlyConfirmed } from '$lib/server/data-export/request-export';
import { getPracticeName } from '$lib/server/practices/get-practice-names';
import { sensitiveAction, takeHeldForm } from '$lib/server/http/reauth';
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
		}),
		// Back from "Confirm it is you" (decision 0031).
		confirmedIt: takeHeldForm(event) !== null
	}));

export const actions: Actions = {
	// A copy of the practice leaves the server: a recent password or passkey first (0031).
	export: sensitiveAction(async ({ locals, params }) => {
		const { practiceId } = params;
		const signedIn = locals.signedIn!;
		await requestExportRecentlyConfirmed(locals.ctx, { signedIn, scope: 'practice', practiceId });
		redirect(303, `/practices/${params.practiceId}/export`);
	})
};
