import { redirect } from '@sveltejs/kit';
import { resetPasswordSchema } from '$lib/domain/schemas/auth';
import { peekEmailToken } from '$lib/server/auth/email-tokens';
import { resetPassword } from '$lib/server/auth/reset-password';
import { formAction, parseValues } from '$lib/server/http/form-action';
import { withLinkProblem } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

// Plain forms that post natively: the server keeps what was typed and focuses the first error,
// so the page ships no JavaScript (decision 0023: the 40 KB budget).
export const csr = false;

export const load: PageServerLoad = async ({ params, locals }) => {
	const { found, linkProblem } = await withLinkProblem(() =>
		peekEmailToken(locals.ctx, params.token, 'reset-password')
	);
	return { linkProblem, email: found?.email ?? null };
};

export const actions: Actions = {
	default: formAction(async ({ params, locals }, { values }) => {
		const { password } = parseValues(resetPasswordSchema, values);
		await resetPassword(locals.ctx, { token: params.token, password });
		redirect(303, '/login?reset=done');
	})
};
