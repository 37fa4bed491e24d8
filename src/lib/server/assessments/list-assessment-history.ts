import type { Actor } from '../../domain/policies.ts';
import { can } from '../../domain/policies.ts';
import { DomainError } from '../../domain/errors.ts';
import type { ReliableChange } from '../../domain/scoring/precision.ts';
import type { AssessmentScore } from '../../domain/scoring/score-assessment.ts';
import type { AppContext } from '../context.ts';
import { clientResource } from './access.ts';
import { changeBetween } from '../../domain/scoring/score-change.ts';
import { parseScore } from './get-assessment-result.ts';
import { findOpenAssessment, listCompletedAssessments } from './repository.ts';

export interface HistoryEntry {
	id: string;
	completedAt: string;
	score: AssessmentScore;
	/** The move from the result before this one; null for the first. */
	change: ReliableChange | null;
}

export async function listAssessmentHistory(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor; userId: string }
): Promise<{ entries: HistoryEntry[]; open: { id: string; nextPage: number } | null }> {
	if (!can(input.actor, 'assessment.read', await clientResource(ctx.db, input.userId))) {
		throw new DomainError('forbidden', 'You cannot see this person’s results.');
	}
	const rows = await listCompletedAssessments(ctx.db, input.userId);
	const scores = rows.map(parseScore);
	const open = await findOpenAssessment(ctx.db, input.userId);
	return {
		entries: rows.map((row, i) => ({
			id: row.id,
			completedAt: row.completed_at!,
			score: scores[i]!,
			change: i > 0 ? changeBetween(scores[i - 1]!, scores[i]!) : null
		})),
		open: open ? { id: open.id, nextPage: open.next_page } : null
	};
}
