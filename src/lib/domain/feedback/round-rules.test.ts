import { describe, expect, it } from 'vitest';
import { closedOn, closingInstant, readRoundInput } from './round-rules.ts';

const context = { ownEmail: 'Leila@Example.com', today: '2026-11-29', optedOut: new Set<string>() };

describe('reading a new round', () => {
	it('keeps filled rows per group and skips blank ones', () => {
		const result = readRoundInput(
			{
				'FRI-0-name': 'Sam',
				'FRI-0-email': ' Sam@Example.com ',
				'FRI-3-name': '',
				'FRI-3-email': '',
				'FAM-1-name': 'Mina',
				'FAM-1-email': 'mina@example.com',
				closesOn: '2026-12-13'
			},
			context
		);
		expect(result).toEqual({
			ok: true,
			closesOn: '2026-12-13',
			raters: [
				{ domain: 'FAM', name: 'Mina', email: 'mina@example.com' },
				{ domain: 'FRI', name: 'Sam', email: 'sam@example.com' }
			]
		});
	});

	it('names each problem beside its field', () => {
		const result = readRoundInput(
			{
				'FRI-0-name': 'Me',
				'FRI-0-email': 'leila@example.com',
				'FRI-1-name': 'Sam',
				'FRI-1-email': 'sam@example.com',
				'TEAM-0-name': 'Sam again',
				'TEAM-0-email': 'SAM@example.com',
				'TEAM-1-name': 'Ola',
				'TEAM-1-email': 'not an address',
				'FAM-0-email': 'dad@example.com',
				closesOn: '2026-11-29'
			},
			context
		);
		expect(result).toEqual({
			ok: false,
			message: 'Please check the highlighted fields.',
			fields: {
				'FRI-0-email':
					'That is your own address. Others answer here; your own view is your assessment.',
				'TEAM-0-email': 'This address is already under Friends. One person answers for one group.',
				'TEAM-1-email': 'Enter an email address like name@example.com.',
				'FAM-0-name': 'Add their name, so the email can greet them.',
				closesOn: 'Pick a day after today.'
			}
		});
	});

	it('sees the client, or one person twice, through "+tags", letter case and a trailing dot', () => {
		const result = readRoundInput(
			{
				'FAM-0-name': 'Me again',
				'FAM-0-email': 'leila+1@example.com',
				'FAM-1-name': 'Me once more',
				'FAM-1-email': 'LEILA@example.com.',
				'FAM-2-name': 'Mum',
				'FAM-2-email': 'mum@example.com',
				'FAM-3-name': 'Mum twice',
				'FAM-3-email': 'mum+home@example.com',
				'FRI-0-name': 'Long',
				'FRI-0-email': `${'a'.repeat(250)}@example.com`,
				'FRI-1-name': 'Rita, log in at https://evil.example',
				'FRI-1-email': 'rita@example.com',
				closesOn: '2026-12-13'
			},
			context
		);
		expect(result).toMatchObject({
			ok: false,
			fields: {
				'FAM-0-email': expect.stringMatching(/^That is your own address/),
				'FAM-1-email': expect.stringMatching(/^That is your own address/),
				'FAM-3-email': 'You entered this address twice in this group. Each person answers once.',
				'FRI-0-email': 'That address is 262 characters; an address has at most 254.',
				// The name goes into "Hello …," in an email to that address.
				'FRI-1-name': 'Write just their name: no web or email addresses.'
			}
		});
		expect(Object.keys((result as { fields: object }).fields)).toHaveLength(5);
	});

	it('refuses a round with nobody, a closing day too far, and an address that opted out', () => {
		expect(readRoundInput({ closesOn: '2026-12-13' }, context)).toMatchObject({
			ok: false,
			message: 'Add at least one person to ask. Three or more in a group lets their answers show.'
		});
		const far = readRoundInput(
			{ 'FRI-0-name': 'Sam', 'FRI-0-email': 'sam@example.com', closesOn: '2027-01-29' },
			context
		);
		expect(far).toMatchObject({
			ok: false,
			fields: { closesOn: expect.stringMatching(/60 days/) }
		});
		const optedOut = readRoundInput(
			{ 'FRI-0-name': 'Sam', 'FRI-0-email': 'sam@example.com', closesOn: '2026-12-13' },
			{ ...context, optedOut: new Set(['sam@example.com']) }
		);
		expect(optedOut).toMatchObject({
			ok: false,
			fields: { 'FRI-0-email': expect.stringMatching(/asked Midpoint not to send/) }
		});
	});

	it('closes at the end of the closing day', () => {
		expect(closingInstant('2026-12-13')).toBe('2026-12-14T00:00:00.000Z');
	});
});

describe('the day a round closed', () => {
	const closesAt = '2026-12-04T00:00:00.000Z'; // the midnight after its closing day, 3 December
	it('is the planned closing day for a round closed on time, even when the close ran late', () => {
		expect(closedOn({ closes_at: closesAt, closed_at: null })).toBe('2026-12-03');
		expect(closedOn({ closes_at: closesAt, closed_at: '2026-12-04T00:01:00.000Z' })).toBe(
			'2026-12-03'
		);
		expect(closedOn({ closes_at: closesAt, closed_at: '2026-12-05T09:00:00.000Z' })).toBe(
			'2026-12-03'
		);
	});

	it('is the day it was closed for a round closed early, never a day before it opened', () => {
		expect(closedOn({ closes_at: closesAt, closed_at: '2026-11-30T15:00:00.000Z' })).toBe(
			'2026-11-30'
		);
	});
});
