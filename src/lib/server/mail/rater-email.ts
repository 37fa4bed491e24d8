import type { DomainCode } from '../../content/instrument/codes.ts';
import { formatLongDate } from '../../format.ts';
import type { EmailMessage } from './mailer.ts';

const GROUP_WORDS: Record<DomainCode, string> = {
	FAM: 'someone in their family',
	FRI: 'one of their friends',
	TEAM: 'someone they work with'
};
/** Whom the client wants to hear from, said in the rater's own group. */
const CIRCLE: Record<DomainCode, string> = {
	FAM: 'their family',
	FRI: 'their friends',
	TEAM: 'the people they work with'
};

/** The request to a rater: who asks, what it takes, and that answers are only ever pooled. */
export function raterEmail(input: {
	to: string;
	raterName: string;
	clientName: string;
	domain: DomainCode;
	closesOn: string;
	link: string;
	/** A reminder: the same request, with a new link (the first one works too). */
	reminder?: boolean;
}): EmailMessage {
	const first = input.clientName.split(' ')[0] ?? input.clientName;
	const lines = [
		`Hello ${input.raterName},`,
		`${first} would like to know how they come across to ${CIRCLE[input.domain]}, and asked you as ${GROUP_WORDS[input.domain]}.`,
		`There are 19 short statements about the past month. It takes about five minutes and needs no account. ${first} only ever sees answers pooled with at least two other people's, never yours on its own.`,
		`The link works until the end of ${formatLongDate(input.closesOn)}. If you would rather not answer, the same link lets you say no, and ask us never to write to you again.`
	];
	if (input.reminder)
		lines.splice(
			1,
			0,
			`A short reminder, in case the first email got buried. The link below works, and so does the one we sent before.`
		);
	return {
		to: input.to,
		subject: `${input.reminder ? 'A reminder: ' : ''}${first} asked how you see them`,
		text: `${lines.join('\n\n')}\n\n${input.link}\n\nMidpoint`
	};
}
