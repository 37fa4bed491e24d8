import MarkdownIt from 'markdown-it';

/**
 * A reading's Markdown as HTML. `html: false` makes markdown-it escape any raw HTML it meets, so
 * a tag typed into a reading shows as text and never runs; its default link check already drops
 * `javascript:` and `data:` links. Validation refuses raw HTML before this (validate.ts); this is
 * the second wall, for a stored program that predates a rule.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

export function renderReading(markdown: string): string {
	return md.render(markdown);
}
