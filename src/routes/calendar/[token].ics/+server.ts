import { readCalendarFeed } from '$lib/server/calendar/read-calendar-feed';
import { plainErrorResponse } from '$lib/server/http/errors';
import { baseUrl } from '$lib/server/http/forms';
import type { RequestHandler } from './$types';

// Read by calendar apps, not people: a plain answer either way, never a page.
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const headers = { 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' };
	try {
		const body = await readCalendarFeed(locals.ctx, {
			token: params.token,
			baseUrl: baseUrl(url, locals.ctx.config.publicUrl)
		});
		return new Response(body, {
			headers: {
				...headers,
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': 'inline; filename="midpoint-actions.ics"'
			}
		});
	} catch (err) {
		return plainErrorResponse(err, headers);
	}
};
