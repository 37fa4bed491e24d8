/**
 * A browser's user-agent text in plain words ("Firefox on Windows"), for the sessions list and
 * the new-sign-in email. Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari".
 */
const BROWSERS: ReadonlyArray<[RegExp, string]> = [
	[/\bEdg(e|A|iOS)?\//, 'Edge'],
	[/\b(OPR|Opera)\//, 'Opera'],
	[/\bSamsungBrowser\//, 'Samsung Internet'],
	[/\b(Firefox|FxiOS)\//, 'Firefox'],
	[/\bHeadlessChrome\//, 'Chrome (automated)'],
	[/\b(Chrome|CriOS|Chromium)\//, 'Chrome'],
	[/\bVersion\/[\d.]+.*\bSafari\//, 'Safari']
];

const SYSTEMS: ReadonlyArray<[RegExp, string]> = [
	[/\biPhone\b/, 'iPhone'],
	[/\biPad\b/, 'iPad'],
	[/\bAndroid\b/, 'Android'],
	[/\bCrOS\b/, 'ChromeOS'],
	[/\bWindows\b/, 'Windows'],
	[/\bMac OS X\b|\bMacintosh\b/, 'a Mac'],
	[/\bLinux\b/, 'Linux']
];

export const UNKNOWN_DEVICE = 'A browser we could not name';

function firstMatch(text: string, list: ReadonlyArray<[RegExp, string]>): string | undefined {
	return list.find(([pattern]) => pattern.test(text))?.[1];
}

export function describeDevice(userAgent: string | null | undefined): string {
	const text = userAgent ?? '';
	const browser = firstMatch(text, BROWSERS);
	const system = firstMatch(text, SYSTEMS);
	if (browser && system) return `${browser} on ${system}`;
	if (browser) return browser;
	if (system) return `A browser on ${system}`;
	return UNKNOWN_DEVICE;
}

/** A user-agent as stored: long enough to name the browser, never unbounded. */
export function storableUserAgent(userAgent: string | null | undefined): string | null {
	const text = (userAgent ?? '').trim();
	return text ? text.slice(0, 300) : null;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function count(n: number, unit: string): string {
	return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
}

/** "Active now", "About 5 minutes ago": last use is written at most once a minute, so approximate. */
export function lastUsedInWords(lastSeen: Date, now: Date): string {
	const ago = now.getTime() - lastSeen.getTime();
	if (ago < 2 * MINUTE) return 'Active now';
	if (ago < HOUR) return `About ${count(Math.floor(ago / MINUTE), 'minute')}`;
	if (ago < DAY) return `About ${count(Math.floor(ago / HOUR), 'hour')}`;
	return `About ${count(Math.floor(ago / DAY), 'day')}`;
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23',
	timeZone: 'UTC'
});

/** "Sunday 29 November 2026 at 18:30 UTC": the server does not know the reader's time zone. */
export function timeInWords(at: Date): string {
	const part = (type: string) => dateTime.formatToParts(at).find((p) => p.type === type)?.value;
	return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')} at ${part('hour')}:${part('minute')} UTC`;
}
