/**
 * Who the passkeys belong to: the site's host name (rpID) and its origin. Taken from ORIGIN when
 * set (behind a proxy the request's own URL may say http), else from the request.
 */
export interface RelyingParty {
	id: string;
	origin: string;
	name: string;
}

export function relyingParty(url: URL, configured: string | undefined): RelyingParty {
	const origin = new URL(configured ?? url.origin);
	return { id: origin.hostname, origin: origin.origin, name: 'Midpoint' };
}

export const CHALLENGE_MS = 5 * 60 * 1000;
export const PASSKEY_NAME_MAX = 60;
