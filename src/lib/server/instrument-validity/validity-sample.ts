import { createHash } from 'node:crypto';
import { CANONICAL_ITEM_IDS } from '../../domain/scoring/item-layout.ts';
import { isComplete } from '../../domain/scoring/local-norms.ts';
import { validationSample, type ValidationSample } from '../../domain/scoring/validation-sample.ts';
import type { AppContext } from '../context.ts';
import { loadPracticeResponses } from '../instrument-stats/practice-responses.ts';

/**
 * The practice's results the structure check uses (complete, unflagged, each client once: the
 * same rows `midpoint instrument validate` would use on the responses download), and a digest
 * of which results they are, so cached figures are known to be stale when a result is added.
 */
export async function practiceValiditySample(
	ctx: Pick<AppContext, 'db'>,
	practiceId: string
): Promise<{ basis: string; complete: number; sample: ValidationSample }> {
	const responses = await loadPracticeResponses(ctx, practiceId);
	const rows = responses.answers.map((answers, index) => ({
		respondent: `R${index + 1}`,
		row: index + 2,
		answers: answers as Record<string, number | undefined>
	}));
	const basis = createHash('sha256').update(responses.ids.join(',')).digest('hex');
	return {
		basis,
		complete: responses.answers.filter(isComplete).length,
		sample: validationSample({
			ok: true,
			rows,
			hasAttention: true,
			itemColumns: [...CANONICAL_ITEM_IDS]
		})
	};
}
