import { describeNorms } from '../../domain/describe-norms.ts';
import type { ResultView } from '../assessments/get-assessment-result.ts';
import { drawContinuum, drawMiniContinuum, type ContinuumDot } from './continuum-drawing.ts';
import {
	colours,
	contentWidth,
	fonts,
	formatDate,
	formatPosition,
	page,
	pdfText
} from './pdf-style.ts';
import { explanationBlock, figures, gap, keepTogether, paragraph } from './report-blocks.ts';

/** The sections of the result report, in reading order; each writes from doc.y downwards. */
type Doc = PDFKit.PDFDocument;

export function title(doc: Doc, view: ResultView, personName: string): void {
	doc.font(fonts.uiBold).fontSize(10).fillColor(colours.accent);
	doc.text('MIDPOINT', page.margin, page.margin, { characterSpacing: 2, lineBreak: false });
	doc.font(fonts.ui).fontSize(9).fillColor(colours.muted);
	const kind = 'Continuum Assessment';
	doc.text(kind, page.width - page.margin - doc.widthOfString(kind), page.margin + 1, {
		lineBreak: false
	});
	doc.y = page.margin + 38;
	doc.font(fonts.uiBold).fontSize(22).fillColor(colours.ink);
	doc.text(pdfText(view.overall?.title ?? 'Your result'), page.margin, doc.y, {
		width: contentWidth
	});
	gap(doc, 6);
	doc.font(fonts.ui).fontSize(10.5).fillColor(colours.muted);
	doc.text(pdfText(`${personName}  ·  ${formatDate(view.completedAt)}`), { width: contentWidth });
	gap(doc, 18);
}

export function continuum(doc: Doc, view: ResultView): void {
	const { score } = view;
	const dots: ContinuumDot[] = [
		...(score.position !== null
			? [{ value: score.position, label: 'Overall', primary: true }]
			: []),
		...view.domains
			.filter((d) => score.domains[d.code].position !== null)
			.map((d) => ({ value: score.domains[d.code].position!, label: d.name }))
	];
	keepTogether(doc, 150);
	doc.font(fonts.ui).fontSize(9.5).fillColor(colours.muted);
	doc.text('Where you land on the continuum', page.margin, doc.y);
	gap(doc, 6);
	// Drawing moves doc.y with every label, so measure from where the panel starts.
	const top = doc.y;
	doc.y =
		top + drawContinuum(doc, { x: page.margin, y: top, width: contentWidth }, dots, score.band);
	gap(doc, 20);
	figures(doc, [
		{ label: 'Overall position', value: formatPosition(score.position) },
		...(score.band
			? [
					{
						label: '90% band',
						value: `${formatPosition(score.band.low)} to ${formatPosition(score.band.high)}`
					}
				]
			: []),
		// A share out of 100, not a position: no sign, as on the page.
		{
			label: 'Balance',
			value: score.balance === null ? '—' : String(Math.round(score.balance)),
			unit: 'of 100'
		}
	]);
}

export function domainSection(
	doc: Doc,
	view: ResultView,
	domain: ResultView['domains'][number]
): void {
	const score = view.score.domains[domain.code];
	gap(doc, 10);
	keepTogether(doc, 120);
	const top = doc.y;
	doc.font(fonts.uiBold).fontSize(12).fillColor(colours.ink);
	doc.text(`${domain.name}: ${formatPosition(score.position)}`, page.margin, top);
	if (score.position !== null) {
		const width = 150;
		drawMiniContinuum(
			doc,
			{ x: page.width - page.margin - width, y: top + 6, width },
			score.position,
			score.band
		);
	}
	doc.y = Math.max(doc.y, top + 16);
	gap(doc, 4);
	if (domain.explanation) explanationBlock(doc, domain.explanation, true);
	else
		paragraph(
			doc,
			'Too many lines were left blank here to place you. Answer them next time to see this part.'
		);
}

export function aboutTheNumbers(doc: Doc, view: ResultView): void {
	const text =
		'Positions run from -100 (the independent pole) through 0 (the midpoint) to +100 (the ' +
		'dependent pole). The 90% band shows the range your position very likely falls in, given ' +
		'how precise a short assessment can be. Balance is high when you both lean on others and ' +
		'let them lean on you, without tipping to either pole. ' +
		describeNorms(view.norms);
	gap(doc, 14);
	keepTogether(doc, 80);
	doc
		.save()
		.lineWidth(0.5)
		.moveTo(page.margin, doc.y)
		.lineTo(page.margin + 60, doc.y);
	doc.stroke(colours.lineStrong).restore();
	gap(doc, 8);
	doc.font(fonts.uiBold).fontSize(9).fillColor(colours.muted).text('About these numbers');
	gap(doc, 3);
	paragraph(doc, text, 9.5, colours.muted);
}
