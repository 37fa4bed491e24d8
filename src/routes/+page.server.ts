import { error } from '@sveltejs/kit';
import { devToolsReason } from '$lib/server/dev-tools';
import { isFirstRun } from '$lib/server/users/is-first-run';
import { DEMO_PASSWORD, seedDemo } from '$lib/server/demo/seed-demo';
import type { Actions, PageServerLoad } from './$types';

// Nothing on the landing page needs JavaScript (the demo button is a plain form post): it ships
// none, so a phone shows it without waiting for hydration.
export const csr = false;

export const load: PageServerLoad = async ({ locals }) => ({
	firstRun: await isFirstRun(locals.ctx),
	demoEnabled: locals.ctx.config.demoEnabled,
	devToolsReason: devToolsReason(locals.ctx.config)
});

export const actions: Actions = {
	demo: async ({ locals }) => {
		if (!locals.ctx.config.demoEnabled) error(404, 'Not found');
		const { created, accounts } = await seedDemo(locals.ctx);
		return { demo: { created, accounts, password: DEMO_PASSWORD } };
	}
};
