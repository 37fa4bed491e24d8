import { redirect } from '@sveltejs/kit';
import { checkOwnPassword } from '$lib/server/auth/reauthenticate';
import { formAction } from '$lib/server/http/form-action';
import { safeNext } from '$lib/server/http/safe-next';
import { relyingParty } from '$lib/server/passkeys/relying-party';
import { countMyPasskeys } from '$lib/server/passkeys/manage-passkeys';
import { confirmWithPasskey } from '$lib/server/passkeys/use-passkey';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({
	email: locals.signedIn!.user.email,
	next: safeNext(url.searchParams.get('next') ?? '/account', url.origin),
	hasPasskeys: (await countMyPasskeys(locals.ctx, locals.signedIn!)) > 0
});

// A right password or passkey starts a new 10-minute window and sends the person back.
export const actions: Actions = {
	password: formAction(async ({ locals, url }, { values }) => {
		await checkOwnPassword(locals.ctx, locals.signedIn!, values.password ?? '');
		redirect(303, safeNext(values.next ?? '/account', url.origin));
	}),
	passkey: formAction(async ({ locals, url }, { values }) => {
		const rp = relyingParty(url, locals.ctx.config.publicUrl);
		const response = values.response ?? '';
		await confirmWithPasskey(locals.ctx, { signedIn: locals.signedIn!, response, rp });
		redirect(303, safeNext(values.next ?? '/account', url.origin));
	})
};
