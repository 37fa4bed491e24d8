import { error } from '@sveltejs/kit';
import { isDomainError } from '$lib/domain/errors';
import { getPracticeOverview } from '$lib/server/practices/get-practice-overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	try {
		return {
			practice: await getPracticeOverview(locals.ctx, {
				actor: locals.signedIn!.actor,
				practiceId: params.practiceId
			})
		};
	} catch (err) {
		if (isDomainError(err)) error(err.status, err.message);
		throw err;
	}
};
