// Date formatting for pages and charts. Intl formatters are costly to build, so each style is
// built once and reused on every request (a measurable share of a page's render time otherwise).
const longDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
const mediumDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	timeZone: 'UTC'
});
const dateTime = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: 'UTC'
});

/** 27 November 2026 */
export const formatLongDate = (iso: string): string => longDate.format(new Date(iso));
/** 27 Nov 2026 */
export const formatMediumDate = (iso: string): string => mediumDate.format(new Date(iso));
/** 27 Nov 2026, compact for chart labels */
export const formatShortDate = (iso: string): string => shortDate.format(new Date(iso));
/** 27 Nov 2026, 09:30 (UTC) */
export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));

/**
 * A position or a change in whole points, signed with a true minus sign (U+2212), never a
 * hyphen: "+12", "−8", "0". Used wherever a position is written: pages, PDF and email.
 */
export function formatSigned(value: number): string {
	const rounded = Math.round(value);
	return rounded > 0 ? `+${rounded}` : rounded < 0 ? `\u2212${-rounded}` : '0';
}

/** A position on the continuum as written on pages: signed, true minus, "—" when there is none. */
export const formatPosition = (value: number | null): string =>
	value === null ? '—' : formatSigned(value);
