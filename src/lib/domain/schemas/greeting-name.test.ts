import { describe, expect, it } from 'vitest';
import { greetingNameProblem } from './greeting-name.ts';

describe('a name written into an email to someone else', () => {
	it.each(['Rita', 'Mum', 'J. R. Okafor', 'Anne-Marie O’Neil', 'Dr. Ng', 'Sam (work)', 'Zoë'])(
		'takes %s',
		(name) => expect(greetingNameProblem(name)).toBeNull()
	);

	it.each([
		'Rita, see https://evil.example/login',
		'www.evil.example',
		'Rita evil.example/reset',
		'mail me at rita@evil.example',
		'Bank.com support'
	])('refuses %s', (name) =>
		expect(greetingNameProblem(name)).toBe('Write just their name: no web or email addresses.')
	);
});
