import type { InvitationRole } from '../../domain/invitations.ts';
import { formatLongDate } from '../../format.ts';
import type { EmailMessage } from './mailer.ts';

/** The invitation into a practice: who asks, to what, what Midpoint is, the link and its end. */
export function invitationEmail(input: {
	to: string;
	name: string;
	inviterName: string;
	practiceName: string;
	role: InvitationRole;
	link: string;
	expiresAt: string;
}): EmailMessage {
	const lines = [
		`Hello ${input.name},`,
		input.role === 'client'
			? `${input.inviterName} would like to coach you, and has invited you to join ${input.practiceName} on Midpoint.`
			: `${input.inviterName} has invited you to join ${input.practiceName} on Midpoint, as a coach.`,
		'Midpoint helps people see where they stand between doing everything alone and leaning on others for everything: with family, with friends and at work. From there, they practise the middle ground, doing things together, one small step at a time, and tell their coach how it went.',
		`To accept, open the link below. It works once, until ${formatLongDate(input.expiresAt)}. If you already have a Midpoint account, you can join with it.`,
		`If you were not expecting this, you can ignore this email: nothing happens unless you accept.`
	];
	return {
		to: input.to,
		subject: `${input.inviterName} invited you to ${input.practiceName} on Midpoint`,
		text: `${lines.join('\n\n')}\n\n${input.link}\n\nMidpoint`
	};
}
