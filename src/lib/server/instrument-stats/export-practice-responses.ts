import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import { responsesCsv } from '../../domain/scoring/responses-csv.ts';
import type { AppContext } from '../context.ts';
import { loadPracticeResponses } from './practice-responses.ts';

/** R001, R002, …: a sequence number, widening past R999. */
export function respondentLabel(index: number): string {
	return `R${String(index + 1).padStart(3, '0')}`;
}

/**
 * The practice's responses as the CLI's responses file (`respondent`, then one column per item
 * id, raw answers 1–5, empty when skipped), made from exactly the results the statistics page
 * uses, so `midpoint instrument reliability` on it gives the page's alphas.
 *
 * Pseudonymous by default: the respondent is only a sequence number, never a name, email, user
 * id or assessment id, and rows are not in joining or finishing order. A file like this tends to
 * travel (to a spreadsheet, a colleague, a researcher); raw answers to items about family and
 * work are personal, and nothing in the reliability analysis needs to know who answered. The
 * numbers may change between downloads (a new client or a retake reorders them), so they are
 * not a way to follow one person over time either. Should a named export ever be needed, it must be a
 * separate, deliberate choice with its own policy action.
 */
export async function exportPracticeResponses(
	ctx: Pick<AppContext, 'db' | 'log'>,
	input: { actor: Actor; practiceId: string }
): Promise<string> {
	if (!can(input.actor, 'practice.instrument.read', { practiceId: input.practiceId })) {
		throw new DomainError('forbidden', 'Only the practice admin can download the responses.');
	}
	const responses = await loadPracticeResponses(ctx, input.practiceId);
	ctx.log.info(
		{ userId: input.actor.userId, practiceId: input.practiceId, rows: responses.answers.length },
		'practice responses exported'
	);
	return responsesCsv(
		responses.answers.map((answers, index) => ({ respondent: respondentLabel(index), answers }))
	);
}
