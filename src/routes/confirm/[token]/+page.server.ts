import { isDomainError } from '$lib/domain/errors';
import {
	answerCounterpart,
	viewCounterpartRequest
} from '$lib/server/counterpart/answer-counterpart';
import { failFromError, formValues } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

// Opening the link only shows the question: mail scanners that fetch links must not answer it.
export const load: PageServerLoad = async ({ locals, params }) => {
	try {
		return { request: await viewCounterpartRequest(locals.ctx, params.token), linkProblem: null };
	} catch (err) {
		if (!isDomainError(err)) throw err;
		return { request: null, linkProblem: err.message };
	}
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const values = formValues(await request.formData());
		try {
			await answerCounterpart(locals.ctx, { token: params.token, values });
		} catch (err) {
			return failFromError(err, values);
		}
		return { thanked: true };
	}
};
