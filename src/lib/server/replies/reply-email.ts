import type { ReplySubject } from '../db/types.ts';
import type { EmailMessage } from '../mail/mailer.ts';

/**
 * Tells a client their coach replied, with a link. Never the reply itself, nor what it is about:
 * email passes through other people's servers, and the conversation is private.
 */
export function coachReplyEmail(input: {
	to: string;
	name: string;
	subject: ReplySubject;
	link: string;
}): EmailMessage {
	const first = input.name.split(' ')[0] || input.name;
	const about =
		input.subject === 'entry' ? 'a journal entry you shared' : 'one of your report-backs';
	const lines = [
		`Hello ${first},`,
		`Your coach replied to ${about}.`,
		'To keep your conversation private, the reply is not in this email. Sign in to read it, and answer if you like:'
	];
	return {
		to: input.to,
		subject: 'Your coach replied',
		text: `${lines.join('\n\n')}\n\n${input.link}\n\nMidpoint`
	};
}
