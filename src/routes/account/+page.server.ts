import { changePasswordSchema } from '$lib/domain/schemas/auth';
import { getAccountPage } from '$lib/server/account/get-account-page';
import { sessionForms } from '$lib/server/account/session-forms';
import { takeHeldForm } from '$lib/server/http/reauth';
import { leavePractice } from '$lib/server/practices/leave-practice';
import { changePassword } from '$lib/server/auth/change-password';
import { setReminderMode } from '$lib/server/reminders/set-reminder-mode';
import { setSessionCookie } from '$lib/server/http/cookies';
import { userAgentOf } from '$lib/server/http/sign-in';
import { formAction, parseValues } from '$lib/server/http/form-action';
import type { Actions, PageServerLoad } from './$types';

// Plain forms that post natively: the server keeps what was typed and focuses the first error,
// so the page ships no JavaScript (decision 0023: the 40 KB budget).
export const csr = false;

export const load: PageServerLoad = async (event) => ({
	...(await getAccountPage(event.locals.ctx, event.locals.signedIn!)),
	// What was typed before confirming it is you (0031), shown again in its form.
	held: takeHeldForm(event)
});

// Several forms on one page: each answer is tagged, so a message shows in its own form only.
export const actions: Actions = {
	...sessionForms,
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
		async (event, { values }) => {
			const { locals, cookies, url } = event;
			const { current, password } = parseValues(changePasswordSchema, values);
			const userId = locals.signedIn!.user.id;
			const userAgent = userAgentOf(event);
			const session = await changePassword(locals.ctx, { userId, current, password, userAgent });
			setSessionCookie(cookies, url, session.token, session.expiresAt);
			return { changed: true };
		},
		{ form: 'password' }
	)
};
