import { withErrorPage } from '$lib/server/http/load';
import { getProgramPreview } from '$lib/server/programs/preview';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params }) => ({
		practiceId: params.practiceId,
		preview: await getProgramPreview(locals.ctx, { actor: locals.signedIn!.actor, ...params })
	}));
