import { formatLongDate } from '../../format.ts';
import type { EmailMessage } from '../mail/mailer.ts';

/** To each member when their coach opens a check-in: what it asks, until when, and the link. */
export function teamCheckInEmail(input: {
	to: string;
	name: string;
	coachName: string;
	teamName: string;
	number: number;
	/** The last day it takes answers (YYYY-MM-DD). */
	closesOn: string;
	link: string;
}): EmailMessage {
	const first = input.name.split(' ')[0] || input.name;
	const lines = [
		`Hello ${first},`,
		`${input.coachName} has opened check-in ${input.number} of the team "${input.teamName}". It asks where you stand now (your latest assessment, or a new one) and whom in the team you turn to, and whom they turn to you.`,
		`It takes answers until the end of ${formatLongDate(input.closesOn)}. Nobody on the team sees your answers; the team sees its map once the check-in closes.`
	];
	return {
		to: input.to,
		subject: `Check-in ${input.number} of ${input.teamName} is open`,
		text: `${lines.join('\n\n')}\n\n${input.link}\n\nMidpoint`
	};
}
