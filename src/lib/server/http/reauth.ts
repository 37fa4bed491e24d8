import { redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import { ReauthenticationNeeded } from '../auth/reauthenticate.ts';
import { sessionCookie } from './cookies.ts';
import { echoable, formAction, type FormState, type PostedForm } from './form-action.ts';

export const REAUTH_PAGE = '/account/confirm';
const HELD_MS = 15 * 60 * 1000;
const HELD_MAX_CHARS = 3000; // a cookie holds about 4 KB

function heldCookie(url: URL) {
	const { secure } = sessionCookie(url);
	return { name: secure ? '__Host-midpoint-held-form' : 'midpoint-held-form', secure };
}

/**
 * Keeps what was typed into a form (never a password) while the person confirms it is them, so
 * the page they come back to can show it again. Only their own browser holds it.
 */
function holdForm(event: RequestEvent, values: Record<string, string>): void {
	const { name, secure } = heldCookie(event.url);
	const text = JSON.stringify({ path: event.url.pathname, values: echoable(values) });
	if (text.length > HELD_MAX_CHARS) return;
	event.cookies.set(name, text, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: new Date(Date.now() + HELD_MS)
	});
}

/**
 * The form held for this page, once: reading it clears it. A data request only reads it: the
 * browser asks for page data before anyone has gone there (resting the pointer on a link preloads
 * it), and that must not use up what the person typed.
 */
export function takeHeldForm(
	event: Pick<RequestEvent, 'cookies' | 'url' | 'isDataRequest'>
): Record<string, string> | null {
	const { name, secure } = heldCookie(event.url);
	const text = event.cookies.get(name);
	if (!text) return null;
	try {
		const held = JSON.parse(text) as { path?: unknown; values?: unknown };
		if (held.path !== event.url.pathname || typeof held.values !== 'object' || !held.values)
			return null;
		if (!event.isDataRequest)
			event.cookies.delete(name, { path: '/', httpOnly: true, sameSite: 'lax', secure });
		const values = Object.entries(held.values as Record<string, unknown>);
		return Object.fromEntries(values.filter(([, v]) => typeof v === 'string')) as Record<
			string,
			string
		>;
	} catch {
		return null;
	}
}

/**
 * A form action for a sensitive change (decision 0031): when the session has not proved the
 * person within 10 minutes, what was typed is held and the person goes to the confirm page,
 * which brings them back here afterwards. Otherwise exactly `formAction`.
 */
export function sensitiveAction<E extends RequestEvent, R>(
	step: (event: E, sent: PostedForm) => Promise<R>,
	options: { form?: string } = {}
): (event: E) => Promise<R | ActionFailure<FormState>> {
	return formAction(async (event: E, sent: PostedForm) => {
		try {
			return await step(event, sent);
		} catch (err) {
			if (!(err instanceof ReauthenticationNeeded)) throw err;
			holdForm(event, sent.values);
			const back = event.url.pathname + (options.form ? `#${options.form}` : '');
			redirect(303, `${REAUTH_PAGE}?next=${encodeURIComponent(back)}`);
		}
	}, options);
}
