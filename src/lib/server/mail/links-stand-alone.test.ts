import { describe, expect, it } from 'vitest';
import { emailTakenEmail, newSignInEmail } from './account-security-email.ts';
import { accountExistsEmail } from './templates.ts';

const LOGIN = 'https://midpoint.example.org/login';

/** Every web address in a text, with the character after it (end of text: ''). */
const linksIn = (text: string) =>
	[...text.matchAll(/https?:\/\/\S+/g)].map((m) => ({
		link: m[0],
		after: text.charAt(m.index + m[0].length)
	}));

describe('links in emails', () => {
	it.each([
		[
			'a new sign-in',
			newSignInEmail('ada@example.com', 'Ada', {
				at: new Date('2026-11-30T09:00:00Z'),
				device: 'Firefox on Linux',
				loginUrl: LOGIN
			})
		],
		['an address already taken', emailTakenEmail('ada@example.com', LOGIN)],
		['an account that already exists', accountExistsEmail('ada@example.com', 'Ada', LOGIN)]
	])(
		'stand on a line of their own in %s, so no full stop or comma joins the link',
		(_what, mail) => {
			// A mail program that makes links of addresses took "…/login," into the link: a 404.
			expect(linksIn(mail.text)).toEqual([{ link: LOGIN, after: '\n' }]);
			expect(mail.html).toContain(`href="${LOGIN}"`);
		}
	);
});
