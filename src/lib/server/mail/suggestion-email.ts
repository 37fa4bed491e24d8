import type { EmailMessage } from './mailer.ts';

/**
 * To a client whose coach suggests a feedback round: what it is, that it is their choice, and
 * that the coach never learns whom they ask. The link leads to "How others see you".
 */
export function suggestionEmail(input: {
	to: string;
	clientName: string;
	coachName: string;
	link: string;
}): EmailMessage {
	const first = input.clientName.split(' ')[0] || input.clientName;
	const lines = [
		`Hello ${first},`,
		`${input.coachName} suggests asking a few people in your family, among your friends or at work how they see you. Their answers are pooled, and a group shows only when at least three of its people answered.`,
		`It is your choice: you decide whether to ask anyone, and whom. ${input.coachName} never sees who you ask, and sees a result only if you share it.`
	];
	return {
		to: input.to,
		subject: `${input.coachName} suggests asking how others see you`,
		text: `${lines.join('\n\n')}\n\n${input.link}\n\nMidpoint`
	};
}
