import { getAction } from '$lib/server/actions/get-action';
import { actionCalendar } from '$lib/server/calendar/action-calendar';
import { baseUrl } from '$lib/server/http/forms';
import { withErrorPage } from '$lib/server/http/load';
import { download } from '$lib/server/http/download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	withErrorPage(event, async ({ locals, params, url }) => {
		const { action } = await getAction(locals.ctx, {
			actor: locals.signedIn!.actor,
			actionId: params.id
		});
		return download(
			actionCalendar(action, baseUrl(url, locals.ctx.config.publicUrl)),
			'text/calendar; charset=utf-8',
			'midpoint-action.ics'
		);
	});
