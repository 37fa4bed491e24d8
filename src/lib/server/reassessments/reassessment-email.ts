import { formatDay } from '../../domain/actions/dates.ts';
import type { EmailMessage } from '../mail/mailer.ts';

/** The one reminder when the retake a coach asked for falls due. */
export function reassessmentDueEmail(input: {
	to: string;
	name: string;
	dueOn: string;
	base: string;
}): EmailMessage {
	const first = input.name.split(' ')[0] || input.name;
	const lines = [
		`Hello ${first},`,
		`Your coach asked you to take the Continuum Assessment again by ${formatDay(input.dueOn)}.`,
		'It takes about ten minutes, and it is saved page by page, so you can stop and come back. Your new result sits beside your earlier ones, so you both can see how far you have moved.',
		`Start it here: ${input.base}/assessment`
	];
	return {
		to: input.to,
		subject: 'Time to retake the assessment',
		text: `${lines.join('\n\n')}\n\nMidpoint`
	};
}
