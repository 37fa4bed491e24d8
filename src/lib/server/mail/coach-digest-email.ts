import type { EmailMessage } from './mailer.ts';

export interface DigestClient {
	name: string;
	reports: number;
	sharedEntries: number;
	replies: number;
	/** Report-backs whose day has passed without an answer. */
	overdue: number;
	/** Programs (decision 0038): the progress the client moved to, e.g. "at risk in Steady steps". */
	program?: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The coach's digest: who reported back, shared or replied, and who is overdue. Names and counts
 * only: what clients write stays in Midpoint, behind a sign-in.
 */
export function coachDigestEmail(input: {
	to: string;
	name: string;
	mode: 'daily' | 'weekly';
	clients: DigestClient[];
	rosterUrl: string;
}): EmailMessage {
	const first = input.name.split(' ')[0] ?? input.name;
	const period = input.mode === 'daily' ? 'since yesterday' : 'this past week';
	const active = input.clients.filter((c) => c.reports || c.sharedEntries || c.replies);
	const overdue = input.clients.filter((c) => c.overdue > 0);
	const lines = [`Hello ${first},`, `Here is what happened with your clients ${period}.`];
	if (active.length) {
		lines.push(
			'New from your clients:\n' +
				active
					.map((c) => {
						const parts = [
							c.reports && plural(c.reports, 'report-back', 'report-backs'),
							c.sharedEntries && plural(c.sharedEntries, 'shared entry', 'shared entries'),
							c.replies && plural(c.replies, 'reply', 'replies')
						].filter(Boolean);
						return `• ${c.name}: ${parts.join(', ')}`;
					})
					.join('\n') +
				`\n  Read them: ${input.rosterUrl}?show=new`
		);
	}
	if (overdue.length) {
		lines.push(
			'Waiting on a report-back:\n' +
				overdue
					.map((c) => `• ${c.name}: ${plural(c.overdue, 'report-back', 'report-backs')} overdue`)
					.join('\n') +
				`\n  See them: ${input.rosterUrl}?show=overdue&sort=overdue`
		);
	}
	// Programs (decision 0038)
	const moved = input.clients.filter((c) => c.program);
	if (moved.length)
		lines.push(
			'In their programs:\n' +
				moved.map((c) => `• ${c.name}: now ${c.program}`).join('\n') +
				`\n  See them: ${input.rosterUrl}`
		);
	lines.push(
		`To get this daily, weekly or not at all, use the digest setting on your clients page: ${input.rosterUrl}#digest`
	);
	const subjectParts = [
		active.length && `${plural(active.length, 'client', 'clients')} with news`,
		overdue.length && `${overdue.length} overdue`,
		moved.length && `${plural(moved.length, 'program change', 'program changes')}`
	].filter(Boolean);
	return {
		to: input.to,
		subject: `Your ${input.mode} Midpoint digest: ${subjectParts.join(', ')}`,
		text: `${lines.join('\n\n')}\n\nMidpoint`
	};
}
