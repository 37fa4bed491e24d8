import { error } from '@sveltejs/kit';
import { isDomainError, type DomainError } from '../../domain/errors.ts';

/**
 * The one mapping from a use-case's refusal to HTTP. The status is the error's own
 * (`DomainError.status`, from its code); a use-case that must not reveal that something exists
 * says `not_found` itself, so no route ever rewrites a status.
 */

/** The refusal, if this is one the use-cases meant; anything else is a bug and is rethrown. */
export function expectedError(err: unknown): DomainError {
	if (isDomainError(err)) return err;
	throw err;
}

/** `Retry-After` for a refusal that says when to try again (rate limits), else nothing. */
export function retryAfterHeaders(err: DomainError): Record<string, string> {
	return err.retryAfterSeconds ? { 'retry-after': String(err.retryAfterSeconds) } : {};
}

/** Throws the refusal as SvelteKit's error page (or JSON for an endpoint), with its own status. */
export function throwAsHttpError(
	err: unknown,
	event?: { setHeaders(headers: Record<string, string>): void }
): never {
	const expected = expectedError(err);
	event?.setHeaders(retryAfterHeaders(expected));
	error(expected.status, expected.message);
}

/** The refusal as a plain-text answer, for readers that are programs rather than people. */
export function plainErrorResponse(err: unknown, headers: Record<string, string> = {}): Response {
	const expected = expectedError(err);
	return new Response(expected.message + '\n', {
		status: expected.status,
		headers: {
			...headers,
			...retryAfterHeaders(expected),
			'content-type': 'text/plain; charset=utf-8'
		}
	});
}
