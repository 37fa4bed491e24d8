import type { SubmitFunction } from '@sveltejs/kit';
import { invalidateAll } from '$app/navigation';
import { keepAndFocus } from '$lib/client/enhance';

/**
 * As keepAndFocus, and on a refusal the page is read again first: what the form answered may be
 * gone meanwhile (an entry made private), and the page should show that, as it does without
 * JavaScript. What was typed comes back with the refusal either way.
 */
export const keepAndRefresh: SubmitFunction = (input) => {
	const after = keepAndFocus(input);
	return async (options) => {
		if (options.result.type === 'failure') await invalidateAll();
		if (typeof after === 'function') await after(options);
		else await options.update();
	};
};
