import type { ResultView } from '../assessments/get-assessment-result.ts';
import { colours, formatDate } from './pdf-style.ts';
import { explanationBlock, heading, notice, openReport, paragraph } from './report-blocks.ts';
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
	const { doc, finish } = await openReport({
		title: `Continuum Assessment result, ${formatDate(view.completedAt)}`,
		subject: `Result for ${options.personName}`,
		at: completed
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
	return finish(`Midpoint  ·  Continuum Assessment  ·  ${options.personName}`);
}
