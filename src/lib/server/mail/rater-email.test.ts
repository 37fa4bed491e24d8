import { describe, expect, it } from 'vitest';
import { raterEmail } from './rater-email.ts';

const request = {
	to: 'sam@example.com',
	raterName: 'Sam',
	clientName: 'Leila Haddad',
	domain: 'FRI' as const,
	closesOn: '2026-12-11',
	link: 'http://localhost:3000/rate/abc'
};

describe('the email to a rater', () => {
	it('says who asks, what it takes, that answers are pooled, and how to say no', () => {
		expect(raterEmail(request)).toEqual({
			to: 'sam@example.com',
			subject: 'Leila asked how you see them',
			text: [
				'Hello Sam,',
				'Leila would like to know how they come across to their friends, and asked you as one of their friends.',
				"There are 19 short statements about the past month. It takes about five minutes and needs no account. Leila only ever sees answers pooled with at least two other people's, never yours on its own.",
				'The link works until the end of 11 December 2026. If you would rather not answer, the same link lets you say no, and ask us never to write to you again.',
				'http://localhost:3000/rate/abc',
				'Midpoint'
			].join('\n\n')
		});
	});

	it('as a reminder, says so and that the first link works too', () => {
		const reminder = raterEmail({ ...request, reminder: true });
		expect(reminder.subject).toBe('A reminder: Leila asked how you see them');
		expect(reminder.text.split('\n\n')[1]).toBe(
			'A short reminder, in case the first email got buried. The link below works, and so does the one we sent before.'
		);
		expect(reminder.text).not.toContain('Haddad');
	});

	it('names the group the rater is asked about, a work team as a work team', () => {
		expect(raterEmail({ ...request, domain: 'TEAM' }).text).toContain(
			'how they come across to the people they work with, and asked you as someone they work with.'
		);
	});
});
