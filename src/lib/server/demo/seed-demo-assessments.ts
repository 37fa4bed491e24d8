import type { DemoAnswers, DemoLean } from '../../content/demo/schema.ts';
import type { DomainCode } from '../../content/instrument/codes.ts';
import type { Actor } from '../../domain/policies.ts';
import { getAssessmentPage, selfPages } from '../assessments/get-assessment-page.ts';
import { saveAssessmentPage } from '../assessments/save-assessment-page.ts';
import { startAssessment } from '../assessments/start-assessment.ts';
import type { AppContext } from '../context.ts';
import { answerScoring } from '../../domain/scoring/reverse-keying.ts';

/** What this person would choose for one line. The same inputs always give the same answers. */
export function answerFor(target: number, line: number, seed: number): number {
	// A wobble of one point either way, so answers look like a person's and not a column…
	const wobble = ((seed + line * 7) % 3) - 1;
	// …and a dither, so a lean of 3.5 averages 3.5 rather than rounding the same way every time.
	const dither = (((seed * 5 + line * 5) % 4) + 0.5) / 4;
	return Math.min(5, Math.max(1, Math.floor(target + wobble + dither)));
}

function answersFor(page: number, answers: DemoAnswers, seed: number): Record<string, string> {
	const out: Record<string, string> = {};
	selfPages[page]!.forEach((line, i) => {
		if (line.attention) return void (out[line.id] = '4');
		const [domain, scale] = line.id.split('_') as [DomainCode, keyof DemoLean];
		const target = answers.domains?.[domain]?.[scale] ?? answers.lean[scale];
		const value = answerFor(target, i + page * 11, seed);
		out[line.id] = String(answerScoring(line.id, value));
	});
	return out;
}

/**
 * Takes the assessment as the demo person would have at `at`, through the real use-cases, a
 * minute or two per page. Returns the time the last page was saved.
 */
export async function seedDemoAssessment(
	ctx: AppContext,
	input: { actor: Actor; answers: DemoAnswers; at: number; seed: number }
): Promise<number> {
	let clock = input.at;
	const timed: AppContext = { ...ctx, now: () => new Date(clock) };
	const { actor } = input;
	const { id } = await startAssessment(timed, { userId: actor.userId });
	for (let page = 0; page < selfPages.length; page++) {
		// Opening the page starts its timer: answering too fast would flag the result.
		await getAssessmentPage(timed, { actor, assessmentId: id, page });
		clock += 70_000 + ((input.seed * 13 + page * 29) % 40) * 1000;
		const answers = answersFor(page, input.answers, input.seed);
		await saveAssessmentPage(timed, { actor, assessmentId: id, page, answers, confirmSkip: true });
	}
	return clock;
}
