import { expectedError, throwAsHttpError } from './errors.ts';

interface HeaderSetter {
	setHeaders(headers: Record<string, string>): void;
}

/**
 * Runs a load function or an endpoint: a use-case's refusal becomes the error page with the
 * error's own status (and Retry-After when it has one); anything unexpected is rethrown.
 *
 * @example
 * export const load: PageServerLoad = (event) =>
 * 	withErrorPage(event, async ({ locals, params }) => ({
 * 		note: await getNote(locals.ctx, { actor: locals.signedIn!.actor, id: params.id })
 * 	}));
 */
export async function withErrorPage<E extends HeaderSetter, T>(
	event: E,
	run: (event: E) => Promise<T>
): Promise<T> {
	try {
		return await run(event);
	} catch (err) {
		throwAsHttpError(err, event);
	}
}

/**
 * For pages opened from a link in an email: a used, expired or unknown link is told on the page
 * itself (the person needs to read what to do next), so the refusal's message comes back as data.
 */
export async function withLinkProblem<T>(
	run: () => Promise<T>
): Promise<{ found: T; linkProblem: null } | { found: null; linkProblem: string }> {
	try {
		return { found: await run(), linkProblem: null };
	} catch (err) {
		return { found: null, linkProblem: expectedError(err).message };
	}
}
