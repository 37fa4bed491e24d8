import { jsonAnswer } from '$lib/server/http/json';
import { passkeyOptions } from '$lib/server/passkeys/use-passkey';
import { relyingParty } from '$lib/server/passkeys/relying-party';
import type { RequestHandler } from './$types';

// Read by the passkey sign-in page's script: a challenge any passkey of this site may answer.
export const POST: RequestHandler = (event) =>
	jsonAnswer(event, ({ locals, url }) =>
		passkeyOptions(locals.ctx, { rp: relyingParty(url, locals.ctx.config.publicUrl) })
	);
