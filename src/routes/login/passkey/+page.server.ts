import { redirect } from '@sveltejs/kit';
import { formAction } from '$lib/server/http/form-action';
import { safeNext } from '$lib/server/http/safe-next';
import { finishSignIn, userAgentOf } from '$lib/server/http/sign-in';
import { relyingParty } from '$lib/server/passkeys/relying-party';
import { signInWithPasskey } from '$lib/server/passkeys/use-passkey';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
	next: safeNext(url.searchParams.get('next'), url.origin)
});

export const actions: Actions = {
	default: formAction(async (event, { values }) => {
		const { locals, url } = event;
		const session = await signInWithPasskey(locals.ctx, {
			response: values.response ?? '',
			rp: relyingParty(url, locals.ctx.config.publicUrl),
			address: event.getClientAddress(),
			userAgent: userAgentOf(event)
		});
		await finishSignIn(event, session);
		redirect(303, safeNext(values.next, url.origin));
	})
};
