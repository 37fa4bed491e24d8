import type { Explanation } from '../../content/instrument/explanations.ts';
import { colours, contentWidth, fonts, page, pdfText } from './pdf-style.ts';

/**
 * Building blocks for a flowing report page. Each writes at the left margin from doc.y and
 * leaves doc.y below itself, so the report reads top to bottom like the web page.
 */
type Doc = PDFKit.PDFDocument;

/**
 * A new report: A4 with room for the footer, a title and subject in its properties, and dated
 * `at` (a fixed date also fixes the file id pdfkit derives, so the same report is the same file).
 * `finish` adds the footers, ends the document and resolves with the file.
 * pdfkit is loaded on the first report, not at start: a process that never makes a PDF does not
 * carry it (about 30 MB of memory).
 */
export async function openReport(info: { title: string; subject: string; at: Date }): Promise<{
	doc: Doc;
	finish: (footer: string) => Promise<Buffer>;
}> {
	const { default: PDFDocument } = await import('pdfkit');
	const doc = new PDFDocument({
		size: page.size,
		margins: {
			top: page.margin,
			left: page.margin,
			right: page.margin,
			bottom: page.margin + page.footerHeight
		},
		bufferPages: true,
		displayTitle: true,
		lang: 'en-GB',
		info: {
			Title: pdfText(info.title),
			Author: 'Midpoint',
			Subject: pdfText(info.subject),
			Creator: 'Midpoint',
			CreationDate: info.at,
			ModDate: info.at
		}
	});
	const chunks: Buffer[] = [];
	const finished = new Promise<Buffer>((resolve, reject) => {
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	return {
		doc,
		finish(footer) {
			pageFooters(doc, footer);
			doc.end();
			return finished;
		}
	};
}

const TEXT_OPTIONS = { width: contentWidth, lineGap: 2.5 } as const;
const bottomLimit = () => page.height - page.margin - page.footerHeight;

/** Starts a new page when a block would not fit, so no heading or note is split from its text. */
export function keepTogether(doc: Doc, height: number): void {
	if (doc.y + height > bottomLimit()) doc.addPage();
}

export function gap(doc: Doc, points: number): void {
	doc.x = page.margin;
	doc.y += points;
}

export function heading(doc: Doc, text: string, keepWith = 90): void {
	gap(doc, 18);
	keepTogether(doc, keepWith);
	doc.font(fonts.uiBold).fontSize(13).fillColor(colours.ink);
	doc.text(pdfText(text), page.margin, doc.y, TEXT_OPTIONS);
	gap(doc, 6);
}

export function paragraph(doc: Doc, text: string, size = 11.5, colour: string = colours.ink): void {
	doc.font(fonts.text).fontSize(size).fillColor(colour);
	doc.text(pdfText(text), page.margin, doc.y, TEXT_OPTIONS);
	gap(doc, 6);
}

/** The explanation's `next` already begins "Try next: "; we print that phrase once, in bold. */
const nextStep = (explanation: Explanation) => explanation.next.replace(/^Try next:\s*/, '');

function explanationHeight(doc: Doc, explanation: Explanation, withTitle: boolean): number {
	doc.font(fonts.text).fontSize(11.5);
	const body = doc.heightOfString(pdfText(explanation.body), TEXT_OPTIONS);
	const next = doc.heightOfString(`Try next: ${pdfText(nextStep(explanation))}`, TEXT_OPTIONS);
	return body + next + 12 + (withTitle ? 22 : 0);
}

export function explanationBlock(doc: Doc, explanation: Explanation, withTitle: boolean): void {
	keepTogether(doc, explanationHeight(doc, explanation, withTitle));
	if (withTitle) {
		doc.font(fonts.textBold).fontSize(12).fillColor(colours.ink);
		doc.text(pdfText(explanation.title), page.margin, doc.y, TEXT_OPTIONS);
		gap(doc, 4);
	}
	paragraph(doc, explanation.body);
	doc.font(fonts.textBold).fontSize(11.5).fillColor(colours.accent);
	doc.text('Try next: ', page.margin, doc.y, { ...TEXT_OPTIONS, continued: true });
	doc
		.font(fonts.text)
		.fillColor(colours.ink)
		.text(pdfText(nextStep(explanation)));
	gap(doc, 6);
}

/** A quiet boxed note, used for the "may be less accurate" warning. */
export function notice(doc: Doc, text: string): void {
	const inner = contentWidth - 28;
	doc.font(fonts.text).fontSize(11);
	const height = doc.heightOfString(pdfText(text), { width: inner, lineGap: 2.5 }) + 24;
	keepTogether(doc, height);
	const top = doc.y;
	doc.save().lineWidth(1).roundedRect(page.margin, top, contentWidth, height, 6);
	doc.fillAndStroke(colours.paper, colours.lineStrong).restore();
	doc.fillColor(colours.ink).text(pdfText(text), page.margin + 14, top + 12, {
		width: inner,
		lineGap: 2.5
	});
	doc.y = top + height;
	gap(doc, 16);
}

/** Big numbers in a row, each with a small label above, like the web result's figures. */
export function figures(doc: Doc, items: { label: string; value: string; unit?: string }[]): void {
	keepTogether(doc, 44);
	const top = doc.y;
	const column = contentWidth / items.length;
	items.forEach((item, i) => {
		const x = page.margin + i * column;
		doc.font(fonts.ui).fontSize(9).fillColor(colours.muted).text(item.label, x, top);
		doc.font(fonts.uiBold).fontSize(18).fillColor(colours.ink);
		const value = pdfText(item.value);
		doc.text(value, x, top + 14, { lineBreak: false });
		if (!item.unit) return;
		// Placed by hand on the big number's baseline; a continued run would align their tops.
		const after = x + doc.widthOfString(value) + 4;
		doc.font(fonts.ui).fontSize(9).fillColor(colours.muted);
		doc.text(item.unit, after, top + 21.5, { lineBreak: false });
	});
	doc.y = top + 40;
	gap(doc, 0);
}

/** Small running footer on every page; needs `bufferPages` so the page count is known. */
export function pageFooters(doc: Doc, left: string): void {
	const range = doc.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		// Writing inside the bottom margin would trigger a page break unless the margin is lifted.
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		const y = page.height - page.margin + 10;
		doc
			.save()
			.lineWidth(0.5)
			.moveTo(page.margin, y - 8)
			.lineTo(page.width - page.margin, y - 8);
		doc.stroke(colours.line).restore();
		doc.font(fonts.ui).fontSize(8).fillColor(colours.muted);
		doc.text(pdfText(left), page.margin, y, { lineBreak: false });
		const right = `Page ${i + 1} of ${range.count}`;
		doc.text(right, page.width - page.margin - doc.widthOfString(right), y, { lineBreak: false });
		doc.page.margins.bottom = bottom;
	}
}
