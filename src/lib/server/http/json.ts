import { json, type RequestEvent } from '@sveltejs/kit';
import { expectedError, retryAfterHeaders } from './errors.ts';

/**
 * An endpoint read by the page's own script: the answer as JSON, and a refusal as
 * `{ message }` with the refusal's status (401 tells the script to send the person to confirm
 * it is them). Bugs pass through to the error handler.
 */
export async function jsonAnswer<E extends RequestEvent>(
	event: E,
	run: (event: E) => Promise<unknown>
): Promise<Response> {
	try {
		return json(await run(event));
	} catch (err) {
		const refusal = expectedError(err);
		return json(
			{ message: refusal.message },
			{ status: refusal.status, headers: retryAfterHeaders(refusal) }
		);
	}
}
