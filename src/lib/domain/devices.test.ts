import { describe, expect, it } from 'vitest';
import { describeDevice, lastUsedInWords, timeInWords, UNKNOWN_DEVICE } from './devices.ts';
import { isRecentlyAuthenticated, REAUTH_WINDOW_MS } from './reauth.ts';

describe('a browser in plain words', () => {
	it.each([
		[
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
			'Firefox on Windows'
		],
		[
			'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
			'Safari on iPhone'
		],
		[
			'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
			'Chrome on Android'
		],
		[
			'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
			'Edge on a Mac'
		],
		['curl/8.5.0', UNKNOWN_DEVICE],
		[null, UNKNOWN_DEVICE]
	])('%s is "%s"', (userAgent, words) => {
		expect(describeDevice(userAgent)).toBe(words);
	});

	it('says roughly when a device was last used', () => {
		const now = new Date('2026-11-29T18:00:00Z');
		const ago = (ms: number) => lastUsedInWords(new Date(now.getTime() - ms), now);
		expect(ago(30_000)).toBe('Active now');
		expect(ago(5 * 60_000)).toBe('About 5 minutes ago');
		expect(ago(60 * 60_000)).toBe('About 1 hour ago');
		expect(ago(3 * 24 * 60 * 60_000)).toBe('About 3 days ago');
		expect(timeInWords(now)).toBe('Sunday 29 November 2026 at 18:00 UTC');
	});

	it('counts a password typed in the last 10 minutes as recent, and no more', () => {
		const now = new Date('2026-11-29T18:00:00Z');
		const before = (ms: number) => new Date(now.getTime() - ms).toISOString();
		expect(isRecentlyAuthenticated(before(REAUTH_WINDOW_MS - 1000), now)).toBe(true);
		expect(isRecentlyAuthenticated(before(REAUTH_WINDOW_MS), now)).toBe(false);
		expect(isRecentlyAuthenticated(null, now)).toBe(false);
	});
});
