import { changePasswordSchema } from '$lib/domain/schemas/auth';
import { getClientPractice } from '$lib/server/practices/get-client-practice';
import { leavePractice } from '$lib/server/practices/leave-practice';
import { changePassword } from '$lib/server/auth/change-password';
import { getReminderMode, setReminderMode } from '$lib/server/reminders/set-reminder-mode';
import { setSessionCookie } from '$lib/server/http/cookies';
import { hasSecondFactor } from '$lib/server/two-factor/pending-sign-in';
import { formAction, parseValues } from '$lib/server/http/form-action';
import type { Actions, PageServerLoad } from './$types';

// Plain forms that post natively: the server keeps what was typed and focuses the first error,
// so the page ships no JavaScript (decision 0023: the 40 KB budget).
export const csr = false;

export const load: PageServerLoad = async ({ locals }) => ({
	email: locals.signedIn!.user.email,
	name: locals.signedIn!.user.name,
	reminderMode: await getReminderMode(locals.ctx, { actor: locals.signedIn!.actor }),
	practice: await getClientPractice(locals.ctx, { actor: locals.signedIn!.actor }),
	twoFactorOn: await hasSecondFactor(locals.ctx, locals.signedIn!.user.id)
});

// Three forms on one page: each answer is tagged, so a message shows in its own form only.
export const actions: Actions = {
	leave: formAction(
		async ({ locals }, { values }) => {
			const actor = locals.signedIn!.actor;
			const left = await leavePractice(locals.ctx, { actor, confirmed: values.confirm === 'yes' });
			return { left: left.practiceName };
		},
		{ form: 'leave' }
	),
	reminders: formAction(
		async ({ locals }, { values }) => {
			await setReminderMode(locals.ctx, { actor: locals.signedIn!.actor, mode: values.mode ?? '' });
			return { reminders: 'saved' };
		},
		{ form: 'reminders' }
	),
	password: formAction(
		async ({ locals, cookies, url }, { values }) => {
			const { current, password } = parseValues(changePasswordSchema, values);
			const userId = locals.signedIn!.user.id;
			const session = await changePassword(locals.ctx, { userId, current, password });
			setSessionCookie(cookies, url, session.token, session.expiresAt);
			return { changed: true };
		},
		{ form: 'password' }
	)
};
