import { listDevMailbox } from '$lib/server/mail/mailer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	smtp: Boolean(locals.ctx.config.smtpUrl),
	messages: (await listDevMailbox(locals.ctx)).map((m) => ({
		id: m.id,
		to: m.to_address,
		subject: m.subject,
		at: m.created_at
	}))
});
