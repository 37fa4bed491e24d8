import { listActions } from '$lib/server/actions/list-actions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const list = await listActions(locals.ctx, { actor: locals.signedIn!.actor });
	return { ...list, deleted: url.searchParams.has('deleted') };
};
