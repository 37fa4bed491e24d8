import { withErrorPage } from '$lib/server/http/load';
import { getPracticeName } from '$lib/server/practices/get-practice-names';
import { listPracticeSecurityLog } from '$lib/server/security-log/security-log';
import type { PageServerLoad } from './$types';

// A list to read, nothing to post (decision 0023).
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params }) => ({
		practice: await getPracticeName(locals.ctx, { practiceId: params.practiceId }),
		events: await listPracticeSecurityLog(locals.ctx, {
			actor: locals.signedIn!.actor,
			practiceId: params.practiceId
		})
	}));
