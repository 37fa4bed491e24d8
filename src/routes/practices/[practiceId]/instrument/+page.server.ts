import {
	FEW_RESPONDENTS,
	getInstrumentStatistics
} from '$lib/server/instrument-stats/get-instrument-statistics';
import { withErrorPage } from '$lib/server/http/load';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params }) => {
		const statistics = await getInstrumentStatistics(locals.ctx, {
			actor: locals.signedIn!.actor,
			practiceId: params.practiceId
		});
		return { practiceId: params.practiceId, fewRespondents: FEW_RESPONDENTS, statistics };
	});
