import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CELLS, DOMAINS, DOMAIN_NAMES } from '../../content/instrument/codes.ts';
import { explanationFor } from '../../content/instrument/explanations.ts';
import { describeChange } from '../../domain/describe-change.ts';
import { scoreAssessment } from '../../domain/scoring/score-assessment.ts';
import { resultNorms, type ResultView } from '../assessments/get-assessment-result.ts';
import { DEFAULT_NORMS } from '../../domain/scoring/default-norms.ts';
import { bandUnder, practiceNorms } from '../../domain/scoring/local-norms.ts';
import {
	differingShare,
	missingPdfTools,
	parsePgm,
	pdfText,
	qpdfCheck,
	renderPage
} from '../../../../tests/support/pdf-tools.ts';
import { renderResultReport } from './result-report.ts';
import { answerScoring } from '../../domain/scoring/reverse-keying.ts';

/**
 * The PDF must say what the web result says, be a sound file, and keep its layout. Without
 * qpdf/poppler the checks are skipped loudly; REQUIRE_PDF_TOOLS=1 (CI) makes that a failure.
 */
const required = process.env.REQUIRE_PDF_TOOLS === '1';
const missing = missingPdfTools();
const skip = missing.length > 0 && !required;
if (skip) {
	console.warn(
		`\n!!! SKIPPED: PDF report checks — ${missing.join(', ')} not installed.\n` +
			'!!! Install qpdf and poppler-utils, or set REQUIRE_PDF_TOOLS=1 to fail.\n'
	);
}

const snapshots = fileURLToPath(new URL('../../../../tests/snapshots/pdf/', import.meta.url));

// Hand-made answers (rekeyed values, items 1-6 per cell) that vary like a real person's, so no
// quality flag fires: family leans independent, friends sit at the midpoint, work leans strongly.
const cellAnswers: Record<string, number[]> = {
	FAM_DEP: [2, 3, 2, 1, 2, 3],
	FAM_IND: [4, 4, 5, 3, 4, 4],
	FAM_MUT: [3, 4, 3, 4, 3, 4],
	FRI_DEP: [3, 3, 2, 4, 3, 3],
	FRI_IND: [3, 2, 3, 3, 4, 3],
	FRI_MUT: [4, 4, 3, 5, 4, 4],
	TEAM_DEP: [2, 1, 2, 2, 1, 2],
	TEAM_IND: [5, 4, 5, 5, 4, 5],
	TEAM_MUT: [3, 2, 3, 3, 4, 3]
};

/** Norms adopted by a practice of 240 clients: a little less precise than the built-in ones. */
const localNorms = practiceNorms({
	id: 'norms-1',
	respondents: 240,
	adoptedAt: '2025-01-10T09:00:00.000Z',
	figures: { ...DEFAULT_NORMS, cellAlpha: DEFAULT_NORMS.cellAlpha.map((alpha) => alpha - 0.1) }
});

function resultView(
	options: { flagged?: boolean; withChange?: boolean; local?: boolean } = {}
): ResultView {
	const answers: Record<string, number> = {};
	for (const cell of CELLS)
		cellAnswers[cell]!.forEach((value, i) => {
			answers[`${cell}_${i + 1}`] = answerScoring(`${cell}_${i + 1}`, value);
		});
	const score = scoreAssessment(answers, options.local ? { norms: localNorms } : {});
	if (options.flagged) score.flags = ['longstring'];
	return {
		id: 'assessment-1',
		ownerId: 'user-1',
		readBy: null,
		completedAt: '2025-03-03T10:15:00.000Z',
		score,
		overall: score.zone ? explanationFor(score.zone) : null,
		domains: DOMAINS.map((code) => {
			const zone = score.domains[code].zone;
			return {
				code,
				name: DOMAIN_NAMES[code],
				explanation: zone ? explanationFor(zone, code) : null
			};
		}),
		change: options.withChange
			? { delta: -18, rci: -2.3, verdict: 'reliable', since: '2024-12-01T09:00:00.000Z' }
			: null,
		norms: resultNorms(score, undefined, true)
	};
}

const render = (view: ResultView) =>
	renderResultReport(view, {
		personName: 'Alex Rivera',
		changeText: view.change ? describeChange(view.change) : null
	});
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe.skipIf(skip)('the PDF report of a result', () => {
	it.runIf(required)('has the tools it needs', () => {
		expect(missing, 'REQUIRE_PDF_TOOLS=1 but these tools are missing').toEqual([]);
	});

	it('is a sound PDF whose text says what the web result says', async () => {
		const view = resultView({ withChange: true });
		expect(view.score.flags).toEqual([]);
		const pdf = await render(view);
		expect(await qpdfCheck(pdf)).toBe(0);
		const text = flat(await pdfText(pdf));
		expect(text).toContain(view.overall!.title);
		expect(text).toContain('Alex Rivera');
		expect(text).toContain('3 March 2025');
		expect(text).toMatch(/Independent .*Interdependent .*Dependent/);
		for (const domain of view.domains) {
			// Signed as on the page ("+17"); a negative keeps the hyphen (the fonts have no minus).
			const position = Math.round(view.score.domains[domain.code].position!);
			expect(text).toContain(`${domain.name}: ${position > 0 ? '+' : ''}${position}`);
			expect(text).toContain(domain.explanation!.title);
		}
		// The balance is a share of 100, not a position: never signed.
		expect(text).toMatch(/ \d+ of 100/);
		expect(text).not.toMatch(/\+\d+ of 100/);
		// One overall explanation and three domain explanations, each with a single "Try next:".
		expect(text.match(/Try next:/g)).toHaveLength(4);
		expect(text).toContain(flat(describeChange(view.change!)));
		expect(text).toContain(
			'The band uses the built-in norms: figures from 20,000 simulated people'
		);
		expect(text).not.toContain('less accurate');
		expect(text).not.toMatch(/\u2212/);
	});

	it('warns about a flagged result and has no "since last time" on a first result', async () => {
		const text = flat(await pdfText(await render(resultView({ flagged: true }))));
		expect(text).toContain('This result may be less accurate than usual');
		expect(text).not.toContain('Since last time');
	});

	it("says when a result was scored with the practice's own norms, and how many people they rest on", async () => {
		const view = resultView({ local: true });
		const text = flat(await pdfText(await render(view)));
		expect(text).toContain("The band uses your practice's own norms");
		expect(text).toContain('240 of its clients');
		const builtIn = bandUnder(view.score, DEFAULT_NORMS)!;
		expect(text).toContain(
			`With the built-in norms it would be ${Math.round(builtIn.low)} to ${Math.round(builtIn.high)}.`
		);
		expect(text).not.toContain('defaults from simulation');
	});

	it('keeps the layout of page 1 (snapshot)', async () => {
		const pdf = await render(resultView({ withChange: true }));
		// Byte-identical output for the same result, or no snapshot could be stable.
		expect((await render(resultView({ withChange: true }))).equals(pdf)).toBe(true);
		const actual = await renderPage(pdf, 1, 'pgm');
		const golden = `${snapshots}result-page-1.pgm`;
		if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(golden)) {
			await mkdir(snapshots, { recursive: true });
			await writeFile(golden, actual);
			await writeFile(`${snapshots}result-page-1.png`, await renderPage(pdf, 1, 'png'));
			console.warn(`Wrote the PDF snapshot ${golden}; check result-page-1.png beside it.`);
			return;
		}
		const share = differingShare(parsePgm(actual), parsePgm(await readFile(golden)));
		expect(share, 'share of page-1 pixels that moved; UPDATE_SNAPSHOTS=1 if intended').toBeLessThan(
			0.005
		);
	});
});
