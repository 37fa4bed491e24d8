import { error } from '@sveltejs/kit';
import { findDevMail } from '$lib/server/mail/mailer';
import type { PageServerLoad } from './$types';

// No client: nothing here needs one (decisions 0023, 0040).
export const csr = false;

export const load: PageServerLoad = async ({ locals, params }) => {
	const id = Number(params.id);
	const message = Number.isSafeInteger(id) ? await findDevMail(locals.ctx, id) : undefined;
	if (!message) error(404, 'There is no such email in the dev mailbox.');
	return {
		message: {
			to: message.to_address,
			subject: message.subject,
			text: message.text_body,
			at: message.created_at
		}
	};
};
