import { DOMAIN_NAMES, type DomainCode } from '../../content/instrument/codes.ts';
import type { EmailMessage } from './mailer.ts';

const GROUP_WORDS: Record<DomainCode, string> = {
	FAM: 'someone in their family',
	FRI: 'one of their friends',
	TEAM: 'someone they work with'
};

/** The request to a rater: who asks, what it takes, and that answers are only ever pooled. */
export function raterEmail(input: {
	to: string;
	raterName: string;
	clientName: string;
	domain: DomainCode;
	closesOn: string;
	link: string;
}): EmailMessage {
	const first = input.clientName.split(' ')[0] ?? input.clientName;
	const lines = [
		`Hello ${input.raterName},`,
		`${first} would like to know how they come across to people close to them, and asked you as ${GROUP_WORDS[input.domain]} (${DOMAIN_NAMES[input.domain].toLowerCase()}).`,
		`There are 19 short statements about the past month. It takes about five minutes and needs no account. ${first} only ever sees answers pooled with at least two other people's, never yours on its own.`,
		`The link works until ${input.closesOn}. If you would rather not answer, the same link lets you say no, and ask us never to write to you again.`
	];
	return {
		to: input.to,
		subject: `${first} asked how you see them`,
		text: `${lines.join('\n\n')}\n\n${input.link}\n\nMidpoint`
	};
}
