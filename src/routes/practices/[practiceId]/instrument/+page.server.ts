import {
	FEW_RESPONDENTS,
	getInstrumentStatistics
} from '$lib/server/instrument-stats/get-instrument-statistics';
import { withErrorPage } from '$lib/server/http/load';
import type { PageServerLoad } from './$types';

// A page to read, with no form or control that needs a script:
// so the page ships no JavaScript (decision 0023: the 40 KB budget).
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params }) => {
		const statistics = await getInstrumentStatistics(locals.ctx, {
			actor: locals.signedIn!.actor,
			practiceId: params.practiceId
		});
		return { practiceId: params.practiceId, fewRespondents: FEW_RESPONDENTS, statistics };
	});
