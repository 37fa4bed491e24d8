import { WHO_SEES_WHAT } from '../../content/teams/privacy.ts';
import { formatLongDate } from '../../format.ts';
import type { EmailMessage } from '../mail/mailer.ts';

/** The invitation onto a team: who asks, what the team does, who sees what, the link and its end. */
export function teamInvitationEmail(input: {
	to: string;
	name: string;
	coachName: string;
	teamName: string;
	link: string;
	expiresAt: string;
}): EmailMessage {
	const lines = [
		`Hello ${input.name},`,
		`${input.coachName} has invited you to join the team "${input.teamName}" on Midpoint.`,
		'From time to time the team checks in: each person takes a short assessment of where they stand between doing everything alone and leaning on others for everything, and says who they turn to in the team. It helps the team see how it works together.',
		'Before you answer anything, here is who sees what:',
		...WHO_SEES_WHAT.map((line) => `- ${line}`),
		`To join, open the link below. It works until ${formatLongDate(input.expiresAt)}. If you already have a Midpoint account, you can join with it.`,
		'If you were not expecting this, you can ignore this email: nothing happens unless you join.'
	];
	return {
		to: input.to,
		subject: `${input.coachName} invited you to the team ${input.teamName} on Midpoint`,
		text: `${lines.join('\n\n')}\n\n${input.link}\n\nMidpoint`
	};
}
