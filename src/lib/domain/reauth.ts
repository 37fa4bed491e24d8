/**
 * Sensitive changes (second factors, email, password, passkeys, ending sessions) need the
 * password or a passkey within this long (decision 0031).
 */
export const REAUTH_WINDOW_MS = 10 * 60 * 1000;

export function isRecentlyAuthenticated(at: string | null | undefined, now: Date): boolean {
	if (!at) return false;
	const ago = now.getTime() - new Date(at).getTime();
	return ago >= 0 && ago < REAUTH_WINDOW_MS;
}
