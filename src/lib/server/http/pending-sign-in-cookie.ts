import type { Cookies } from '@sveltejs/kit';
import { sessionCookie } from './cookies.ts';

/** The second step's cookie follows the session cookie's rules (Secure and __Host- off localhost). */
function pendingCookie(url: URL) {
	const { secure } = sessionCookie(url);
	return { name: secure ? '__Host-midpoint-pending' : 'midpoint-pending', secure };
}

export function setPendingSignInCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date) {
	const { name, secure } = pendingCookie(url);
	cookies.set(name, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: expiresAt
	});
}

export function readPendingSignInCookie(cookies: Cookies, url: URL): string | undefined {
	return cookies.get(pendingCookie(url).name);
}

export function clearPendingSignInCookie(cookies: Cookies, url: URL): void {
	const { name, secure } = pendingCookie(url);
	cookies.delete(name, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
