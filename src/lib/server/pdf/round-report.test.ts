import { describe, expect, it } from 'vitest';
import { missingPdfTools, pdfText, qpdfCheck } from '../../../../tests/support/pdf-tools.ts';
import { gapWords } from '../../content/feedback/self-vs-others.ts';
import type { RoundResult } from '../../domain/feedback/round-result.ts';
import { renderRoundReport } from './round-report.ts';

/** The round's PDF: a sound file that says what the round page says, and no more. */
const required = process.env.REQUIRE_PDF_TOOLS === '1';
const missing = missingPdfTools();
if (missing.length && !required)
	console.warn(`\n!!! SKIPPED: round PDF checks — ${missing.join(', ')} not installed.\n`);

const round: RoundResult = {
	id: 'round-1',
	openedOn: '2026-11-01',
	closesOn: '2026-11-15',
	closed: true,
	closing: false,
	shared: false,
	viewer: 'owner',
	reminded: true,
	setAside: 2,
	comments: ['Steady, and a good listener.', 'Quick to help.', 'Asks more than before.'],
	domains: [
		{ code: 'FAM', name: 'Family', asked: 2, view: { status: 'not-enough' }, comparison: null },
		{
			code: 'FRI',
			name: 'Friends',
			asked: 4,
			view: {
				status: 'released',
				n: 4,
				mean: 32,
				sd: 12,
				band: { low: 22.1, high: 41.9 },
				zone: 'dependent',
				self: { position: -20, sem: 9 }
			},
			comparison: {
				difference: -52,
				threshold: 20,
				blindSpot: true,
				othersSee: 'more-dependent',
				words: gapWords('more-dependent', 'your friends')
			}
		},
		{ code: 'TEAM', name: 'Work team', asked: 0, view: { status: 'not-enough' }, comparison: null }
	]
};

describe.skipIf(missing.length > 0 && !required)('the PDF of a feedback round', () => {
	it('is a sound PDF with self against others, and only a sentence for a hidden group', async () => {
		const pdf = await renderRoundReport(round, { personName: 'Amara Osei' });
		expect(await qpdfCheck(pdf)).toBe(0);
		expect((await renderRoundReport(round, { personName: 'Amara Osei' })).equals(pdf)).toBe(true);
		const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
		expect(text).toContain('Amara Osei · round of 1 November 2026, closed 15 November 2026');
		expect(text).toContain(
			'Family Fewer than three people answered here, so this group is not shown'
		);
		expect(text).toContain('Others (mean of 4) Their 90% band You +32 +22 to +42 -20');
		expect(text).toContain('Maybe a blind spot.');
		expect(text).toContain(`Try this: ${gapWords('more-dependent', 'your friends').action}`);
		expect(text).toContain('2 sets of answers were left out');
		expect(text).toContain('“Steady, and a good listener.”');
	});

	it('shows no figure and no comment while the round is open', async () => {
		const open: RoundResult = { ...round, closed: false, comments: null, setAside: null };
		const text = (
			await pdfText(await renderRoundReport(open, { personName: 'Amara Osei' }))
		).replace(/\s+/g, ' ');
		expect(text).toContain('This round is not closed yet, so nothing can be shown.');
		expect(text).not.toMatch(/Others \(mean|Steady|left out/);
	});
});
