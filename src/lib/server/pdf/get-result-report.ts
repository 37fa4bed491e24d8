import { describeChange } from '../../domain/describe-change.ts';
import { getAssessmentResult } from '../assessments/get-assessment-result.ts';
import type { SignedIn } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { findUserById } from '../users/repository.ts';
import { renderResultReport } from './result-report.ts';

/**
 * A result as a PDF, for whoever may read it, with the day it was finished (for the file name).
 * A coach downloading a client's result gets the client's name on it, not their own.
 */
export async function getResultReport(
	ctx: Pick<AppContext, 'db'>,
	input: { reader: Pick<SignedIn, 'actor' | 'user'>; assessmentId: string }
): Promise<{ pdf: Buffer; day: string }> {
	const { reader } = input;
	const result = await getAssessmentResult(ctx, {
		actor: reader.actor,
		assessmentId: input.assessmentId
	});
	const personName =
		result.ownerId === reader.user.id
			? reader.user.name
			: ((await findUserById(ctx.db, result.ownerId))?.name ?? 'Client');
	const pdf = await renderResultReport(result, {
		personName,
		changeText: result.change ? describeChange(result.change, result.score.position) : null
	});
	return { pdf, day: new Date(result.completedAt).toISOString().slice(0, 10) };
}
