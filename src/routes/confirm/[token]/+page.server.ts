import {
	answerCounterpart,
	viewCounterpartRequest
} from '$lib/server/counterpart/answer-counterpart';
import { formAction } from '$lib/server/http/form-action';
import { withLinkProblem } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

// Opening the link only shows the question: mail scanners that fetch links must not answer it.
// Plain forms that post natively: the server keeps what was typed and focuses the first error,
// so the page ships no JavaScript (decision 0023: the 40 KB budget).
export const csr = false;

export const load: PageServerLoad = async ({ locals, params }) => {
	const { found, linkProblem } = await withLinkProblem(() =>
		viewCounterpartRequest(locals.ctx, params.token)
	);
	return { request: found, linkProblem };
};

export const actions: Actions = {
	default: formAction(async ({ locals, params }, { values }) => {
		const { clientName } = await answerCounterpart(locals.ctx, { token: params.token, values });
		return { thanked: true, clientName };
	})
};
