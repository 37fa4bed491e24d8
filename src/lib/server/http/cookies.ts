import type { Cookies } from '@sveltejs/kit';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Over https (or any host that is not this machine) the cookie is Secure with the __Host- prefix,
 * which also pins it to this host and path /. Plain-http localhost is the only exception, so
 * `npm start` works without certificates.
 */
export function sessionCookie(url: URL): { name: string; secure: boolean } {
	const secure = url.protocol === 'https:' || !LOCAL_HOSTS.has(url.hostname);
	return { name: secure ? '__Host-midpoint-session' : 'midpoint-session', secure };
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	const { name, secure } = sessionCookie(url);
	cookies.set(name, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: expiresAt
	});
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	const { name, secure } = sessionCookie(url);
	cookies.delete(name, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

export function readSessionCookie(cookies: Cookies, url: URL): string | undefined {
	return cookies.get(sessionCookie(url).name);
}
