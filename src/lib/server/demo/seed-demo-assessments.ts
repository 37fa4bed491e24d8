import { selfPages } from '../assessments/get-assessment-page.ts';
import { saveAssessmentPage } from '../assessments/save-assessment-page.ts';
import { startAssessment } from '../assessments/start-assessment.ts';
import type { AppContext } from '../context.ts';

/** How strongly a demo person endorses each scale (1–5), before and after a few months' work. */
export interface DemoLean {
	DEP: number;
	IND: number;
	MUT: number;
}

function answersFor(page: number, lean: DemoLean, seed: number): Record<string, string> {
	const answers: Record<string, string> = {};
	selfPages[page]!.forEach((line, i) => {
		if (line.attention) return void (answers[line.id] = '4');
		const scale = line.id.split('_')[1] as keyof DemoLean;
		// A little variation from line to line, so the answers look like a person's.
		const wobble = ((seed + i * 7 + page * 3) % 3) - 1;
		const value = Math.min(5, Math.max(1, lean[scale] + wobble));
		answers[line.id] = String(line.id.endsWith('_6') ? 6 - value : value);
	});
	return answers;
}

/** Takes the assessment as the demo person would have on `date`, through the real use-cases. */
export async function seedDemoAssessment(
	ctx: AppContext,
	input: { userId: string; practiceId: string | null; lean: DemoLean; date: Date; seed: number }
): Promise<void> {
	let clock = input.date.getTime();
	const at: AppContext = { ...ctx, now: () => new Date(clock) };
	const actor = {
		userId: input.userId,
		practices: input.practiceId ? { [input.practiceId]: ['client' as const] } : {}
	};
	const { id } = await startAssessment(at, { userId: input.userId });
	for (let page = 0; page < selfPages.length; page++) {
		clock += 70_000;
		const answers = answersFor(page, input.lean, input.seed);
		await saveAssessmentPage(at, { actor, assessmentId: id, page, answers, confirmSkip: true });
	}
}
