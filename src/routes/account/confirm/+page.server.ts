import { redirect } from '@sveltejs/kit';
import { checkOwnPassword } from '$lib/server/auth/reauthenticate';
import { formAction } from '$lib/server/http/form-action';
import { safeNext } from '$lib/server/http/safe-next';
import type { Actions, PageServerLoad } from './$types';

// Confirming with the password is a plain form that posts natively (decision 0023).
export const csr = false;

export const load: PageServerLoad = ({ locals, url }) => ({
	email: locals.signedIn!.user.email,
	next: safeNext(url.searchParams.get('next') ?? '/account', url.origin)
});

export const actions: Actions = {
	// A right password starts a new 10-minute window and sends the person back where they were.
	default: formAction(async ({ locals, url }, { values }) => {
		await checkOwnPassword(locals.ctx, locals.signedIn!, values.password ?? '');
		redirect(303, safeNext(values.next ?? '/account', url.origin));
	})
};
