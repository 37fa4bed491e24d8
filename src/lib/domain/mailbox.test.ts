import { describe, expect, it } from 'vitest';
import { mailboxOf, sameMailbox } from './mailbox.ts';

describe('the mailbox an address reaches', () => {
	it.each([
		['dana+1@demo.midpoint.local', 'dana@demo.midpoint.local'],
		['DANA@demo.midpoint.local.', 'dana@demo.midpoint.local'],
		['  Dana+family+x@Example.COM ', 'dana@example.com'],
		['d.a.n.a+x@googlemail.com', 'dana@gmail.com']
	])('reads %s as %s', (typed, mailbox) => {
		expect(mailboxOf(typed)).toBe(mailbox);
	});

	it('keeps addresses of different people apart', () => {
		expect(sameMailbox('dana@example.com', 'dan.a@example.com')).toBe(false);
		expect(sameMailbox('mum@example.com', 'mum@example.org')).toBe(false);
		expect(sameMailbox('+tag@example.com', 'tag@example.com')).toBe(false);
		expect(sameMailbox('dana@example.com', 'DANA+1@example.com.')).toBe(true);
	});
});
