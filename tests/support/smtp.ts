import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
	to: string[];
	subject: string;
	text: string;
}

export interface Smtp {
	url: string;
	mails: ReceivedMail[];
	waitFor: (match: (m: ReceivedMail) => boolean, timeoutMs?: number) => Promise<ReceivedMail>;
	stop: () => Promise<void>;
}

/** A real SMTP server on loopback that keeps what it receives, for tests to read. */
export async function startSmtp(): Promise<Smtp> {
	const mails: ReceivedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((parsed) => {
					mails.push({
						to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
						subject: parsed.subject ?? '',
						text: parsed.text ?? ''
					});
					callback();
				})
				.catch(callback);
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `smtp://127.0.0.1:${port}`,
		mails,
		async waitFor(match, timeoutMs = 15_000) {
			const deadline = Date.now() + timeoutMs;
			while (Date.now() < deadline) {
				const found = mails.find(match);
				if (found) return found;
				await new Promise((r) => setTimeout(r, 100));
			}
			throw new Error(
				`No matching email arrived within ${timeoutMs} ms. Received: ${mails.map((m) => `${m.to} "${m.subject}"`).join(', ') || 'nothing'}`
			);
		},
		stop: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

export function linkFrom(mail: ReceivedMail, path: string): string {
	const match = mail.text.match(new RegExp(`https?://[^\\s]+${path}/[A-Za-z0-9_-]+`));
	if (!match) throw new Error(`No ${path} link in the email "${mail.subject}":\n${mail.text}`);
	return match[0];
}
