import { COMMENTS_NOTE } from '../../content/feedback/comments.ts';
import { hiddenGroupText } from '../../content/feedback/hidden-group.ts';
import { setAsideText } from '../../content/feedback/set-aside.ts';
import type { DomainResult, RoundResult } from '../../domain/feedback/round-result.ts';
import { drawContinuum, type ContinuumDot } from './continuum-drawing.ts';
import {
	colours,
	contentWidth,
	fonts,
	formatDate,
	formatPosition,
	page,
	pdfText
} from './pdf-style.ts';
import {
	figures,
	gap,
	heading,
	keepTogether,
	notice,
	openReport,
	paragraph
} from './report-blocks.ts';

/**
 * A feedback round as a PDF: per group the client's own dot against the others' mean and band,
 * what the gap means, one thing to try and one question. Built only from a RoundResult (what
 * pooling.ts lets out): a group without enough answers is a sentence, with no figure at all.
 * Deterministic for a given round (dates from the round, no random ids).
 */
type Doc = PDFKit.PDFDocument;

function title(doc: Doc, round: RoundResult, personName: string): void {
	doc.font(fonts.uiBold).fontSize(10).fillColor(colours.accent);
	doc.text('MIDPOINT', page.margin, page.margin, { characterSpacing: 2, lineBreak: false });
	doc.y = page.margin + 38;
	doc.font(fonts.uiBold).fontSize(22).fillColor(colours.ink);
	doc.text('How others see you', page.margin, doc.y, { width: contentWidth });
	gap(doc, 6);
	doc.font(fonts.ui).fontSize(10.5).fillColor(colours.muted);
	const state = round.closed ? 'closed' : 'closing at the end of';
	const line = `${personName}  ·  round of ${formatDate(round.openedOn)}, ${state} ${formatDate(round.closesOn)}`;
	doc.text(pdfText(line), { width: contentWidth });
	gap(doc, 12);
}

function group(doc: Doc, domain: DomainResult): void {
	heading(doc, domain.name, 150);
	const { view, comparison } = domain;
	if (view.status !== 'released') {
		paragraph(doc, hiddenGroupText(domain.asked), 11.5, colours.muted);
		return;
	}
	const dots: ContinuumDot[] = [
		{ value: view.mean, label: `Others (mean of ${view.n})`, primary: true },
		...(view.self ? [{ value: view.self.position, label: 'You' }] : [])
	];
	const top = doc.y;
	doc.y =
		top + drawContinuum(doc, { x: page.margin, y: top, width: contentWidth }, dots, view.band);
	gap(doc, 12);
	figures(doc, [
		{ label: `Others (mean of ${view.n})`, value: formatPosition(view.mean) },
		{
			label: 'Their 90% band',
			value: `${formatPosition(view.band.low)} to ${formatPosition(view.band.high)}`
		},
		{ label: 'You', value: view.self ? formatPosition(view.self.position) : '—' }
	]);
	if (!comparison) {
		paragraph(
			doc,
			'You had no scored result of your own here when the round closed, so there is nothing to set against.'
		);
		return;
	}
	if (comparison.blindSpot) paragraph(doc, 'Maybe a blind spot.', 11.5, colours.accent);
	paragraph(doc, comparison.words.summary);
	paragraph(doc, `Try this: ${comparison.words.action}`);
	paragraph(doc, `Ask yourself: ${comparison.words.reflection}`);
}

export async function renderRoundReport(
	round: RoundResult,
	options: { personName: string }
): Promise<Buffer> {
	const at = new Date(`${round.closesOn}T00:00:00Z`);
	const { doc, finish } = await openReport({
		title: `How others see you, round of ${formatDate(round.openedOn)}`,
		subject: `Feedback round for ${options.personName}`,
		at: at
	});
	title(doc, round, options.personName);
	if (!round.closed) {
		notice(
			doc,
			'This round is not closed yet, so nothing can be shown. Each group shows once the round has closed and at least three of its people have answered.'
		);
	} else {
		paragraph(
			doc,
			'Answers are pooled: no one person’s answers are shown, and a group shows only when at least three of its people answered.',
			10,
			colours.muted
		);
		const setAside = setAsideText(round.setAside);
		if (setAside) paragraph(doc, setAside, 10, colours.muted);
		for (const domain of round.domains) group(doc, domain);
		if (round.comments) {
			heading(doc, 'In their own words');
			paragraph(doc, COMMENTS_NOTE, 10, colours.muted);
			for (const comment of round.comments) {
				keepTogether(doc, 30);
				paragraph(doc, `“${comment}”`);
			}
		}
	}
	return finish(`Midpoint  ·  How others see you  ·  ${options.personName}`);
}
