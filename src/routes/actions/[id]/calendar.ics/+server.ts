import { error } from '@sveltejs/kit';
import { isDomainError } from '$lib/domain/errors';
import { getAction } from '$lib/server/actions/get-action';
import { actionCalendar } from '$lib/server/calendar/action-calendar';
import { baseUrl } from '$lib/server/http/forms';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	try {
		const { action } = await getAction(locals.ctx, {
			actor: locals.signedIn!.actor,
			actionId: params.id
		});
		return new Response(actionCalendar(action, baseUrl(url, locals.ctx.config.publicUrl)), {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': 'attachment; filename="midpoint-action.ics"',
				'cache-control': 'private, no-store'
			}
		});
	} catch (err) {
		if (isDomainError(err)) error(err.status, err.message);
		throw err;
	}
};
