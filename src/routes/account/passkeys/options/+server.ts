import { jsonAnswer } from '$lib/server/http/json';
import { passkeyRegistrationOptions } from '$lib/server/passkeys/register-passkey';
import { relyingParty } from '$lib/server/passkeys/relying-party';
import type { RequestHandler } from './$types';

// Read by the passkeys page's script; 401 when the person must confirm it is them first.
export const POST: RequestHandler = (event) =>
	jsonAnswer(event, ({ locals, url }) =>
		passkeyRegistrationOptions(locals.ctx, {
			signedIn: locals.signedIn!,
			rp: relyingParty(url, locals.ctx.config.publicUrl)
		})
	);
