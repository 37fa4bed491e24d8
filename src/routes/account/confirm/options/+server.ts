import { jsonAnswer } from '$lib/server/http/json';
import { passkeyOptions } from '$lib/server/passkeys/use-passkey';
import { relyingParty } from '$lib/server/passkeys/relying-party';
import type { RequestHandler } from './$types';

// Read by the confirm page's script: a challenge only the signed-in person's passkeys may answer.
export const POST: RequestHandler = (event) =>
	jsonAnswer(event, ({ locals, url }) =>
		passkeyOptions(locals.ctx, {
			rp: relyingParty(url, locals.ctx.config.publicUrl),
			signedIn: locals.signedIn!
		})
	);
