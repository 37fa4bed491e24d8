import { listActions } from '$lib/server/actions/list-actions';
import { listUnreadReplies } from '$lib/server/replies/list-unread-replies';
import { createCalendarFeed } from '$lib/server/calendar/create-calendar-feed';
import { getCalendarFeed } from '$lib/server/calendar/get-calendar-feed';
import { revokeCalendarFeed } from '$lib/server/calendar/revoke-calendar-feed';
import { formAction } from '$lib/server/http/form-action';
import { baseUrl } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

// No client: the forms post natively, and a standalone script adds what needs one (decision 0040).
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = locals.signedIn!.actor;
	const unread = await listUnreadReplies(locals.ctx, { actor });
	// The latest closed actions and any with a reply not read yet; all of them with ?closed=all.
	const list = await listActions(locals.ctx, {
		actor,
		recent:
			url.searchParams.get('closed') === 'all'
				? undefined
				: { hasNews: (id) => (unread.actions[id] ?? 0) > 0 }
	});
	const calendarFeed = await getCalendarFeed(locals.ctx, { actor });
	return {
		...list,
		calendarFeed,
		newReplies: unread.actions,
		deleted: url.searchParams.has('deleted')
	};
};

export const actions: Actions = {
	// The new link is answered, not redirected to: it is shown this once and never stored.
	feed: formAction(
		async ({ locals, url }) => {
			const feed = await createCalendarFeed(locals.ctx, {
				actor: locals.signedIn!.actor,
				baseUrl: baseUrl(url, locals.ctx.config.publicUrl)
			});
			return { feed: 'created' as const, feedUrl: feed.url };
		},
		{ form: 'feed' }
	),
	stopFeed: formAction(
		async ({ locals }) => {
			await revokeCalendarFeed(locals.ctx, { actor: locals.signedIn!.actor });
			return { feed: 'revoked' as const };
		},
		{ form: 'feed' }
	)
};
