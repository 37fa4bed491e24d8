import PDFDocument from 'pdfkit';
import type { ResultView } from '../assessments/get-assessment-result.ts';
import { colours, formatDate, page, pdfText } from './pdf-style.ts';
import { explanationBlock, heading, notice, pageFooters, paragraph } from './report-blocks.ts';
import { aboutTheNumbers, continuum, domainSection, title } from './result-sections.ts';

/**
 * The PDF report of one Continuum Assessment result: the same content as the web result page,
 * with the continuum drawn as vectors. Deterministic for a given result (fixed dates, no random
 * ids), so the layout can be guarded by a snapshot test.
 */
export interface ResultReportOptions {
	personName: string;
	/** The change since last time in words (describeChange), or null on a first result. */
	changeText: string | null;
}

const QUALITY_NOTE =
	'This result may be less accurate than usual (for example, some pages went very quickly, or ' +
	'the answers were unusually alike). If it does not sound like you, take it again when you ' +
	'have ten quiet minutes.';

/** Renders the whole report; resolves with the finished file once pdfkit has flushed it. */
export async function renderResultReport(
	view: ResultView,
	options: ResultReportOptions
): Promise<Buffer> {
	const completed = new Date(view.completedAt);
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
		// A fixed CreationDate also fixes the file id pdfkit derives from the info dictionary.
		info: {
			Title: pdfText(`Continuum Assessment result, ${formatDate(view.completedAt)}`),
			Author: 'Midpoint',
			Subject: pdfText(`Result for ${options.personName}`),
			Creator: 'Midpoint',
			CreationDate: completed,
			ModDate: completed
		}
	});
	const chunks: Buffer[] = [];
	const finished = new Promise<Buffer>((resolve, reject) => {
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});

	title(doc, view, options.personName);
	if (view.score.flags.length) notice(doc, QUALITY_NOTE);
	continuum(doc, view);
	if (options.changeText) {
		heading(doc, 'Since last time');
		paragraph(doc, options.changeText);
		if (view.change)
			paragraph(
				doc,
				`Compared with your result of ${formatDate(view.change.since)}.`,
				10,
				colours.muted
			);
	}
	if (view.overall) {
		heading(doc, 'What this means');
		explanationBlock(doc, view.overall, false);
	}
	heading(doc, 'With family, friends and at work', 140);
	for (const domain of view.domains) domainSection(doc, view, domain);
	aboutTheNumbers(doc, view);
	pageFooters(doc, `Midpoint  ·  Continuum Assessment  ·  ${options.personName}`);
	doc.end();
	return finished;
}
