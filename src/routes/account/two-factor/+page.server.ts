import { formAction } from '$lib/server/http/form-action';
import { requester } from '$lib/server/http/sign-in';
import {
	confirmTotpEnrolment,
	getTwoFactorPage,
	regenerateRecoveryCodes,
	startTotpEnrolment,
	turnOffTwoFactor
} from '$lib/server/two-factor/manage-two-factor';
import type { Actions, PageServerLoad } from './$types';

// Plain forms that post natively: the page ships no JavaScript (decision 0023: the 40 KB budget).
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => ({
	email: locals.signedIn!.user.email,
	required: url.searchParams.get('required') === '1' || !!locals.mustSetUpSecondFactor,
	twoFactor: await getTwoFactorPage(locals.ctx, {
		userId: locals.signedIn!.user.id,
		email: locals.signedIn!.user.email
	})
});

// Four forms: each answer is tagged so its message shows beside its own form.
export const actions: Actions = {
	start: formAction(
		async ({ locals }) => {
			await startTotpEnrolment(locals.ctx, { userId: locals.signedIn!.user.id });
			return { started: true };
		},
		{ form: 'start' }
	),
	confirm: formAction(
		async (event, { values }) => {
			const userId = event.locals.signedIn!.user.id;
			const code = (values.code ?? '').slice(0, 64);
			return confirmTotpEnrolment(event.locals.ctx, { userId, code, ...requester(event) });
		},
		{ form: 'confirm' }
	),
	regenerate: formAction(
		async (event, { values }) => {
			const userId = event.locals.signedIn!.user.id;
			const code = (values.code ?? '').slice(0, 64);
			return regenerateRecoveryCodes(event.locals.ctx, { userId, code, ...requester(event) });
		},
		{ form: 'regenerate' }
	),
	off: formAction(
		async (event, { values }) => {
			const userId = event.locals.signedIn!.user.id;
			const code = (values.code ?? '').slice(0, 64);
			const password = values.password ?? '';
			await turnOffTwoFactor(event.locals.ctx, { userId, code, password, ...requester(event) });
			return { turnedOff: true };
		},
		{ form: 'off' }
	)
};
