import type { EmailMessage } from './mailer.ts';

/** The email to the person on the other side of an action. Written to them, not about them. */
export function counterpartEmail(input: {
	to: string;
	withName: string;
	clientName: string;
	what: string;
	link: string;
}): EmailMessage {
	const first = input.clientName.split(' ')[0] ?? input.clientName;
	const lines = [
		`Hello ${input.withName},`,
		`${first} is working on doing things together with the people in their life, and named you in this plan:`,
		`“${input.what}”`,
		`Would you tell ${first} whether it happened, and how shared it felt to you? It takes half a minute, needs no account, and the link works once, for two weeks.`,
		'If you would rather not, simply ignore this email.'
	];
	return {
		to: input.to,
		subject: `${first} asked you about something you did together`,
		text: `${lines.join('\n\n')}\n\n${input.link}\n\nMidpoint`
	};
}
