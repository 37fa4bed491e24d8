import { formAction } from '$lib/server/http/form-action';
import { withErrorPage } from '$lib/server/http/load';
import { getPracticeName } from '$lib/server/practices/get-practice-names';
import { deactivateClient } from '$lib/server/staff/deactivate-client';
import { assignCoach, getStaffPage, removeStaffMember } from '$lib/server/staff/manage-staff';
import type { Actions, PageServerLoad } from './$types';

// Plain forms that post natively (decision 0023).
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params }) => ({
		practice: await getPracticeName(locals.ctx, { practiceId: params.practiceId }),
		...(await getStaffPage(locals.ctx, {
			actor: locals.signedIn!.actor,
			practiceId: params.practiceId
		}))
	}));

export const actions: Actions = {
	remove: formAction(
		async ({ locals, params }, { values }) => ({
			removed: await removeStaffMember(locals.ctx, {
				actor: locals.signedIn!.actor,
				practiceId: params.practiceId,
				userId: values.member ?? '',
				confirmed: values.confirm === 'yes',
				clientsTo: values.clientsTo
			})
		}),
		{ form: 'remove' }
	),
	deactivate: formAction(
		async ({ locals, params }, { values }) => ({
			deactivated: await deactivateClient(locals.ctx, {
				actor: locals.signedIn!.actor,
				practiceId: params.practiceId,
				clientId: values.client ?? '',
				confirmed: values.confirmClient === 'yes'
			})
		}),
		{ form: 'deactivate' }
	),
	assign: formAction(
		async ({ locals, params }, { values }) => ({
			assigned: await assignCoach(locals.ctx, {
				actor: locals.signedIn!.actor,
				practiceId: params.practiceId,
				clientId: values.client ?? '',
				coachId: values.coach ?? ''
			})
		}),
		{ form: 'assign' }
	)
};
