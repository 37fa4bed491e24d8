import { error } from '@sveltejs/kit';
import { countUsers } from '$lib/server/users/repository';
import { DEMO_PASSWORD, seedDemo } from '$lib/server/demo/seed-demo';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const firstRun = (await countUsers(locals.ctx.db)) === 0;
	return { firstRun, demoEnabled: locals.ctx.config.demoEnabled };
};

export const actions: Actions = {
	demo: async ({ locals }) => {
		if (!locals.ctx.config.demoEnabled) error(404, 'Not found');
		const { created, accounts } = await seedDemo(locals.ctx);
		return { demo: { created, accounts, password: DEMO_PASSWORD } };
	}
};
