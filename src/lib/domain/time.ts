/** Session lifetimes (see docs/decisions/0004-accounts-and-sessions.md). */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** Last-seen is written at most this often, so reading a page is not a database write. */
export const SESSION_TOUCH_MS = 60 * 1000;
export const RESET_TOKEN_MS = 60 * 60 * 1000;

export function addMs(date: Date, ms: number): Date {
	return new Date(date.getTime() + ms);
}

export function minutesUntil(from: Date, to: Date): number {
	return Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 60_000));
}
