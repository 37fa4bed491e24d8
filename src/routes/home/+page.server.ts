import { findPractice } from '$lib/server/users/practices-repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const signedIn = locals.signedIn!;
	const practices = await Promise.all(
		Object.entries(signedIn.actor.practices).map(async ([id, roles]) => ({
			id,
			roles: [...roles],
			name: (await findPractice(locals.ctx.db, id))?.name ?? 'Your practice'
		}))
	);
	return {
		user: { name: signedIn.user.name, kind: signedIn.user.kind },
		practices,
		welcome: url.searchParams.has('welcome')
	};
};
