import { selfPages } from '../../src/lib/server/assessments/get-assessment-page.ts';
import { saveAssessmentPage } from '../../src/lib/server/assessments/save-assessment-page.ts';
import { startAssessment } from '../../src/lib/server/assessments/start-assessment.ts';
import type { AppContext } from '../../src/lib/server/context.ts';
import { answerScoring } from '../../src/lib/domain/scoring/reverse-keying.ts';

/** How strongly the person endorses each scale, 1–5. */
export interface Lean {
	DEP: number;
	IND: number;
	MUT: number;
}

/**
 * Takes the whole assessment through the real use-cases, as the person would on `date`, answering
 * each line from their lean (reversed lines the other way round).
 */
export async function completeAssessment(
	ctx: AppContext,
	input: { userId: string; practiceId: string | null; lean: Lean; date: Date }
): Promise<void> {
	let clock = input.date.getTime();
	const at: AppContext = { ...ctx, now: () => new Date(clock) };
	const actor = {
		userId: input.userId,
		practices: input.practiceId ? { [input.practiceId]: ['client' as const] } : {}
	};
	const { id } = await startAssessment(at, { userId: input.userId });
	for (let page = 0; page < selfPages.length; page++) {
		clock += 60_000;
		const answers: Record<string, string> = {};
		for (const line of selfPages[page]!) {
			if (line.attention) {
				answers[line.id] = '4';
				continue;
			}
			const value = input.lean[line.id.split('_')[1] as keyof Lean];
			answers[line.id] = String(answerScoring(line.id, value));
		}
		await saveAssessmentPage(at, { actor, assessmentId: id, page, answers, confirmSkip: true });
	}
}
