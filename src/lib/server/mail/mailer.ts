import type { Transporter } from 'nodemailer';
import type { AppContext } from '../context.ts';

export interface EmailMessage {
	to: string;
	subject: string;
	text: string;
	html?: string;
}

const transports = new Map<string, Promise<Transporter>>();

/**
 * One transport per SMTP URL. nodemailer is loaded with the first email, not at start (a process
 * that sends none skips it); the promise is kept, so emails sent together share one transport.
 */
function transportFor(smtpUrl: string): Promise<Transporter> {
	let transport = transports.get(smtpUrl);
	if (!transport) {
		transport = import('nodemailer').then(({ default: nodemailer }) => {
			const url = new URL(smtpUrl);
			// A plain smtp:// URL to localhost is a development or test relay: no TLS upgrade.
			const local =
				url.protocol === 'smtp:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
			return nodemailer.createTransport(smtpUrl, local ? { secure: false, ignoreTLS: true } : {});
		});
		transports.set(smtpUrl, transport);
	}
	return transport;
}

/**
 * Hands a message to SMTP when SMTP_URL is set. Without it, a local server keeps it in the dev
 * mailbox (/dev/mailbox); any other server drops it and says so in the log, subject only: a
 * mailbox anyone could read, or a table of live links, would be worse than no email (0025).
 */
export async function deliverEmail(
	ctx: Pick<AppContext, 'db' | 'config' | 'now' | 'log'>,
	message: EmailMessage
): Promise<void> {
	if (ctx.config.smtpUrl) {
		const transport = await transportFor(ctx.config.smtpUrl);
		await transport.sendMail({ from: ctx.config.mailFrom, ...message });
		return;
	}
	if (ctx.config.emailDelivery === 'discard') {
		ctx.log.warn({ subject: message.subject }, 'email not sent: SMTP_URL is not set');
		return;
	}
	await ctx.db
		.insertInto('dev_mailbox')
		.values({
			to_address: message.to,
			subject: message.subject,
			text_body: message.text,
			html_body: message.html ?? null,
			created_at: ctx.now().toISOString()
		})
		.execute();
}

export async function listDevMailbox(ctx: Pick<AppContext, 'db'>, limit = 100) {
	return ctx.db.selectFrom('dev_mailbox').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

export async function findDevMail(ctx: Pick<AppContext, 'db'>, id: number) {
	return ctx.db.selectFrom('dev_mailbox').selectAll().where('id', '=', id).executeTakeFirst();
}
