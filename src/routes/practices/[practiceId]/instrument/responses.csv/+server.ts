import { exportPracticeResponses } from '$lib/server/instrument-stats/export-practice-responses';
import { withErrorPage } from '$lib/server/http/load';
import { download } from '$lib/server/http/download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	withErrorPage(event, async ({ locals, params }) => {
		const csv = await exportPracticeResponses(locals.ctx, {
			actor: locals.signedIn!.actor,
			practiceId: params.practiceId
		});
		return download(csv, 'text/csv; charset=utf-8', 'midpoint-responses.csv');
	});
