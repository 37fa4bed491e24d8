/**
 * The look of Midpoint's PDFs, mirroring src/app.css: a warm neutral palette with one accent
 * reserved for the midpoint. Only pdfkit's built-in fonts are used, so no font files ship.
 */
export const colours = {
	paper: '#faf7f2',
	ink: '#2b2622',
	muted: '#5e554d',
	line: '#ddd5ca',
	lineStrong: '#8c8278',
	accent: '#2f5d62',
	accentSoft: '#e3eeee'
} as const;

export const fonts = {
	ui: 'Helvetica',
	uiBold: 'Helvetica-Bold',
	text: 'Times-Roman',
	textBold: 'Times-Bold'
} as const;

/** A4 in points with generous margins: calm pages read better than full ones. */
export const page = {
	size: 'A4',
	width: 595.28,
	height: 841.89,
	margin: 60,
	footerHeight: 28
} as const;

export const contentWidth = page.width - 2 * page.margin;

// The built-in fonts only cover WinAnsi; these characters appear in our copy but lack glyphs.
const replacements: [RegExp, string][] = [
	[/\u2212/g, '-'],
	[/\u2265/g, '>='],
	[/\u2264/g, '<='],
	[/\u2192/g, '->'],
	[/\u00a0/g, ' ']
];

/** Text safe for the built-in fonts, so nothing renders as a missing glyph. */
export function pdfText(text: string): string {
	return replacements.reduce((out, [pattern, value]) => out.replace(pattern, value), text);
}

/**
 * A position as the web result shows it: a whole number, signed ("+17", "-8", "0"), or a dash
 * when it could not be placed. The PDF's fonts have no true minus sign, so a negative keeps the
 * hyphen; a positive carries its plus, as on the page.
 */
export function formatPosition(value: number | null): string {
	if (value === null) return '—';
	const rounded = Math.round(value) || 0;
	return rounded > 0 ? `+${rounded}` : String(rounded);
}

/** A date the way the web result writes it, e.g. "3 March 2025", always in UTC. */
export function formatDate(iso: string): string {
	return new Date(iso).toLocaleDateString('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
}
