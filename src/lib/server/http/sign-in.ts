import type { RequestEvent } from '@sveltejs/kit';
import { noteSignInDevice } from '../sessions/note-device.ts';
import { sessionCookie, setSessionCookie } from './cookies.ts';
import { baseUrl } from './forms.ts';
import { hashToken } from '../security/tokens.ts';
import { setSessionPlace } from '../sessions/repository.ts';

const DEVICE_COOKIE_MS = 400 * 24 * 60 * 60 * 1000; // the longest a browser keeps a cookie

function deviceCookie(url: URL) {
	const { secure } = sessionCookie(url);
	return { name: secure ? '__Host-midpoint-device' : 'midpoint-device', secure };
}

/** The browser's user-agent text, as given (stored cut to 300 characters). */
export function userAgentOf(event: Pick<RequestEvent, 'request'>): string | null {
	return event.request.headers.get('user-agent');
}

/**
 * Ends a sign-in: the session cookie, and the browser's device cookie, which tells a browser the
 * account has seen from a new one. `notify: false` where the person just proved a mailbox from
 * this browser (confirming a new account): that device becomes known without an email.
 */
export async function finishSignIn(
	event: RequestEvent,
	session: { token: string; expiresAt: Date; userId: string },
	options: { notify?: boolean } = {}
): Promise<void> {
	const { cookies, url, locals } = event;
	setSessionCookie(cookies, url, session.token, session.expiresAt);
	const { name, secure } = deviceCookie(url);
	const token = await noteSignInDevice(locals.ctx, {
		userId: session.userId,
		deviceToken: cookies.get(name),
		userAgent: userAgentOf(event),
		notify: options.notify ?? true,
		baseUrl: baseUrl(url, locals.ctx.config.publicUrl)
	});
	const place = placeOf(event);
	if (place) await setSessionPlace(locals.ctx.db, hashToken(session.token), place);
	cookies.set(name, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: new Date(Date.now() + DEVICE_COOKIE_MS)
	});
}

/**
 * Where the visitor is, as the proxy's PLACE_HEADER says (a country code, a city): only what the
 * operator's proxy already knows, never looked up from the address. Cut short and kept printable.
 */
function placeOf(event: Pick<RequestEvent, 'request' | 'locals'>): string | null {
	const header = event.locals.ctx.config.placeHeader;
	const value = header ? event.request.headers.get(header) : null;
	const clean = value
		?.replace(/[^\p{L}\p{N} ,.'-]/gu, '')
		.trim()
		.slice(0, 60);
	return clean ? clean : null;
}

/** Where a request comes from, for rate limits and the security log. */
export function requester(event: Pick<RequestEvent, 'request' | 'getClientAddress'>) {
	return { address: event.getClientAddress(), userAgent: userAgentOf(event) };
}
