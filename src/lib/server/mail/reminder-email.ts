import type { ActionView } from '../actions/view.ts';
import type { EmailMessage } from './mailer.ts';

/** A reminder that one or more report-backs are due, each with a link straight to it. */
export function reminderEmail(input: {
	to: string;
	name: string;
	due: ActionView[];
	base: string;
}): EmailMessage {
	const first = input.name.split(' ')[0] ?? input.name;
	const one = input.due.length === 1;
	const lines = [
		`Hello ${first},`,
		one
			? 'It is time to report back on this action:'
			: `It is time to report back on ${input.due.length} actions:`,
		...input.due.map(
			(a) => `• ${a.what} (with ${a.withName})\n  ${input.base}/actions/${a.id}#report`
		),
		'A few lines are enough: what happened, and how it felt. If it did not happen, say that too; it counts.',
		`You can change how often Midpoint reminds you on your account page: ${input.base}/account`
	];
	return {
		to: input.to,
		subject: one
			? `Time to report back: ${input.due[0]!.what}`
			: `Time to report back on ${input.due.length} actions`,
		text: `${lines.join('\n\n')}\n\nMidpoint`
	};
}
