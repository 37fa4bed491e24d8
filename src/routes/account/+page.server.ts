import { changePasswordSchema } from '$lib/domain/schemas/auth';
import { changePassword } from '$lib/server/auth/change-password';
import { setSessionCookie } from '$lib/server/http/cookies';
import { failFromError, formValues, parseForm } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	email: locals.signedIn!.user.email,
	name: locals.signedIn!.user.name
});

export const actions: Actions = {
	password: async ({ request, locals, cookies, url }) => {
		const values = formValues(await request.formData());
		const parsed = parseForm(changePasswordSchema, values);
		if (!parsed.ok) return parsed.failure;
		try {
			const session = await changePassword(locals.ctx, {
				userId: locals.signedIn!.user.id,
				...parsed.data
			});
			setSessionCookie(cookies, url, session.token, session.expiresAt);
		} catch (err) {
			return failFromError(err, values);
		}
		return { changed: true };
	}
};
