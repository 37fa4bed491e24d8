import { takeHeldForm, sensitiveAction } from '$lib/server/http/reauth';
import { userAgentOf } from '$lib/server/http/sign-in';
import { listMyPasskeys, removePasskey } from '$lib/server/passkeys/manage-passkeys';
import { addPasskey } from '$lib/server/passkeys/register-passkey';
import { relyingParty } from '$lib/server/passkeys/relying-party';
import type { Actions, PageServerLoad } from './$types';

// Making a passkey needs the page's script (the browser's passkey API); removing one is a plain form.
export const load: PageServerLoad = async (event) => ({
	passkeys: await listMyPasskeys(event.locals.ctx, event.locals.signedIn!),
	// The name typed before confirming it is you (0031), shown again.
	held: takeHeldForm(event)
});

// Both need the password or a passkey within the last 10 minutes (decision 0031).
export const actions: Actions = {
	add: sensitiveAction(
		async (event, { values }) => ({
			added: await addPasskey(event.locals.ctx, {
				signedIn: event.locals.signedIn!,
				name: values.name ?? '',
				response: values.response ?? '',
				rp: relyingParty(event.url, event.locals.ctx.config.publicUrl),
				userAgent: userAgentOf(event)
			})
		}),
		{ form: 'add' }
	),
	remove: sensitiveAction(
		async (event, { values }) => ({
			removed: await removePasskey(event.locals.ctx, {
				signedIn: event.locals.signedIn!,
				id: (values.passkey ?? '').slice(0, 1400),
				userAgent: userAgentOf(event)
			})
		}),
		{ form: 'remove' }
	)
};
