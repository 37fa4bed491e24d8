import { listDevMailbox } from '$lib/server/mail/mailer';
import type { PageServerLoad } from './$types';

// No client: nothing here needs one (decisions 0023, 0040).
export const csr = false;

export const load: PageServerLoad = async ({ locals }) => ({
	smtp: Boolean(locals.ctx.config.smtpUrl),
	messages: (await listDevMailbox(locals.ctx)).map((m) => ({
		id: m.id,
		to: m.to_address,
		subject: m.subject,
		at: m.created_at
	}))
});
