import { error } from '@sveltejs/kit';
import { isDomainError } from '$lib/domain/errors';
import { exportPracticeResponses } from '$lib/server/instrument-stats/export-practice-responses';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	try {
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
	} catch (err) {
		if (isDomainError(err)) error(err.status, err.message);
		throw err;
	}
};
