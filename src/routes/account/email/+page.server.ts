import { emailChangeSchema } from '$lib/domain/schemas/email-change';
import { getEmailChangePage } from '$lib/server/email-change/get-email-change-page';
import { requestEmailChange } from '$lib/server/email-change/request-email-change';
import { formAction, parseValues } from '$lib/server/http/form-action';
import { baseUrl } from '$lib/server/http/forms';
import { userAgentOf } from '$lib/server/http/sign-in';
import type { Actions, PageServerLoad } from './$types';

// One plain form that posts natively (decision 0023).
export const csr = false;

export const load: PageServerLoad = ({ locals }) =>
	getEmailChangePage(locals.ctx, locals.signedIn!);

export const actions: Actions = {
	// The password typed here is the re-authentication this change needs (decision 0031).
	default: formAction(async (event, { values }) => {
		const { locals, url } = event;
		const { newEmail, password } = parseValues(emailChangeSchema, values);
		return requestEmailChange(locals.ctx, {
			signedIn: locals.signedIn!,
			newEmail,
			password,
			baseUrl: baseUrl(url, locals.ctx.config.publicUrl),
			userAgent: userAgentOf(event)
		});
	})
};
