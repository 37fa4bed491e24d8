import { fail } from '@sveltejs/kit';
import { isDomainError } from '$lib/domain/errors';
import { changePasswordSchema } from '$lib/domain/schemas/auth';
import { getClientPractice } from '$lib/server/practices/get-client-practice';
import { leavePractice } from '$lib/server/practices/leave-practice';
import { changePassword } from '$lib/server/auth/change-password';
import { getReminderMode, setReminderMode } from '$lib/server/reminders/set-reminder-mode';
import { setSessionCookie } from '$lib/server/http/cookies';
import { failFromError, formValues, parseForm } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	email: locals.signedIn!.user.email,
	name: locals.signedIn!.user.name,
	reminderMode: await getReminderMode(locals.ctx, { actor: locals.signedIn!.actor }),
	practice: await getClientPractice(locals.ctx, { actor: locals.signedIn!.actor })
});

export const actions: Actions = {
	// Its own answer shape ('leave'), so its messages never show up in the password form.
	leave: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		try {
			const left = await leavePractice(locals.ctx, {
				actor: locals.signedIn!.actor,
				confirmed: values.confirm === 'yes'
			});
			return { left: left.practiceName };
		} catch (err) {
			if (!isDomainError(err)) throw err;
			return fail(err.status, { leave: { message: err.message, fields: err.fields } });
		}
	},
	reminders: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		try {
			await setReminderMode(locals.ctx, { actor: locals.signedIn!.actor, mode: values.mode ?? '' });
		} catch (err) {
			return failFromError(err, values);
		}
		return { reminders: 'saved' };
	},
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
