import { exportPracticeResponses } from '$lib/server/instrument-stats/export-practice-responses';
import { withErrorPage } from '$lib/server/http/load';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	withErrorPage(event, async ({ locals, params }) => {
		const csv = await exportPracticeResponses(locals.ctx, {
			actor: locals.signedIn!.actor,
			practiceId: params.practiceId
		});
		return new Response(csv, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': 'attachment; filename="midpoint-responses.csv"',
				'cache-control': 'private, no-store'
			}
		});
	});
