import { error } from '@sveltejs/kit';
import { isDomainError } from '$lib/domain/errors';
import {
	FEW_RESPONDENTS,
	getInstrumentStatistics
} from '$lib/server/instrument-stats/get-instrument-statistics';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	try {
		const statistics = await getInstrumentStatistics(locals.ctx, {
			actor: locals.signedIn!.actor,
			practiceId: params.practiceId
		});
		return { practiceId: params.practiceId, fewRespondents: FEW_RESPONDENTS, statistics };
	} catch (err) {
		if (isDomainError(err)) error(err.status, err.message);
		throw err;
	}
};
