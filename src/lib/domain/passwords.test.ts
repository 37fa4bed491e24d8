import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwords.ts';
import { rateLimitDecision } from './rate-limits.ts';

describe('new passwords', () => {
	it('accepts a long, personal passphrase', () => {
		expect(passwordProblem('tea with grandma on sundays')).toBeNull();
	});
	it('counts characters as people see them, not bytes', () => {
		expect(passwordProblem('ééééééééééé')).toMatch(/has 11/);
		expect(passwordProblem('🌊🌊🌊🌊🌊🌊🌊🌊🌊🌊🌊🌊'.slice(0, 22))).toMatch(/has 11/);
	});
	it.each([
		'Password1234',
		'qwertyuiop123',
		'123456789012',
		'aaaaaaaaaaaaaaa',
		'abcdefghijklmnop',
		'ILOVEYOU1234'
	])('refuses the common password %s', (password) => {
		expect(passwordProblem(password)).toMatch(/most common/);
	});
	it('refuses a password that contains the email name, and names the part it means', () => {
		expect(passwordProblem('jordan.lee-is-great', { email: 'jordan.lee@example.com' })).toBe(
			'Your password should not contain the name in your email address (“jordan.lee”). Choose another.'
		);
	});
	it('refuses over 128 characters rather than cutting it short', () => {
		const sentence = 'the tide comes in twice a day '.repeat(5); // 150 characters
		expect(passwordProblem(sentence.slice(0, 129))).toMatch(
			/at most 128 characters \(this one has 129\)/
		);
		expect(passwordProblem(sentence.slice(0, 128))).toBeNull();
	});
});

describe('rate limit decisions', () => {
	const now = new Date('2026-11-27T10:00:00Z');
	const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
	it('allows up to the limit inside the window', () => {
		expect(rateLimitDecision('login:account', [1, 2, 3, 4].map(minutesAgo), now)).toEqual({
			allowed: true
		});
	});
	it('refuses past the limit until the oldest attempt leaves the window', () => {
		const decision = rateLimitDecision(
			'login:account-address',
			[10, 8, 6, 4, 2].map(minutesAgo),
			now
		);
		expect(decision).toEqual({
			allowed: false,
			retryAt: new Date(minutesAgo(10).getTime() + 15 * 60_000)
		});
	});
	it('forgets attempts older than the window', () => {
		expect(
			rateLimitDecision('login:account-address', [40, 30, 20, 16, 2].map(minutesAgo), now)
		).toEqual({
			allowed: true
		});
	});
});
