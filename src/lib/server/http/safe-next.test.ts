import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.ts';

const origin = 'https://coach.example.com';

describe('safeNext: where sign-in sends a person afterwards', () => {
	it.each([
		['/journal', '/journal'],
		['/actions/12?tab=open#now', '/actions/12?tab=open#now'],
		['/home', '/home'],
		['/%2F/evil.example', '/%2F/evil.example']
	])('keeps the same-site path %j', (next, expected) => {
		expect(safeNext(next, origin)).toBe(expected);
	});

	it.each([
		// What the query string `next=/%09/evil.example` decodes to: browsers drop the tab.
		'/\t/evil.example',
		'/\n/evil.example',
		'/\r\n/evil.example',
		'\t//evil.example',
		' //evil.example',
		'//evil.example',
		'///evil.example',
		'/\\evil.example',
		'/\\\\evil.example',
		'\\\\evil.example',
		'\\/evil.example',
		'/\\/evil.example',
		'/./\\evil.example',
		'/.//evil.example',
		'/..//evil.example',
		'https://evil.example/home',
		'https:evil.example',
		'https:/evil.example',
		'http://coach.example.com.evil.example/',
		'HTTPS://EVIL.EXAMPLE',
		'javascript:alert(1)',
		' javascript:alert(1)',
		'data:text/html,hi',
		'evil.example',
		'',
		null,
		undefined
	])('sends %j to home instead', (next) => {
		const target = safeNext(next, origin);
		expect(target).toBe('/home');
		// Whatever comes back resolves to this origin, as a browser would read the Location header.
		expect(new URL(target, origin).origin).toBe(origin);
	});
});
