import type { EmailMessage } from './mailer.ts';

/** The email to the person on the other side of an action. Written to them, not about them. */
export function counterpartEmail(input: {
	to: string;
	withName: string;
	clientName: string;
	what: string;
	/** The plan's day or rhythm: "By Thursday 3 December", "Every Thursday". */
	when: string;
	link: string;
}): EmailMessage {
	const first = input.clientName.split(' ')[0] ?? input.clientName;
	const lines = [
		`Hello ${input.withName},`,
		`${first} is working on doing things together with the people in their life, and named you in this plan:`,
		`“${input.what}” (${input.when})`,
		`Would you tell ${first} whether it happened, and how shared it felt to you? It takes half a minute, needs no account, and the link works once, for two weeks. Your answer, and any comment, goes to ${first}, and to their coach if they have one.`,
		`If you would rather not, simply ignore this email. ${first} can ask about this plan at most once a week.`
	];
	return {
		to: input.to,
		subject: `${first} asked you about something you did together`,
		text: `${lines.join('\n\n')}\n\n${input.link}\n\nMidpoint`
	};
}
