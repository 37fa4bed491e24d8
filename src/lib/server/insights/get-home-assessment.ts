import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { Band } from '../../domain/scoring/precision.ts';
import type { AssessmentScore } from '../../domain/scoring/score-assessment.ts';
import type { AppContext } from '../context.ts';
import { listHomeAssessments } from './repository.ts';

export interface HomeAssessment {
	/** The assessment in progress, if any, and the page to go on from. */
	open: { id: string; nextPage: number } | null;
	/** The latest result: where it places the person on the continuum. */
	latest: { id: string; position: number | null; band: Band | null } | null;
}

/**
 * The signed-in person's own assessment for the home page: one query, and only the latest
 * result is read (a trail of results is for the history page).
 */
export async function getHomeAssessment(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor }
): Promise<HomeAssessment> {
	const userId = input.actor.userId;
	if (!can(input.actor, 'assessment.read', { ownerId: userId }))
		throw new DomainError('forbidden', 'You cannot see this.');
	const rows = await listHomeAssessments(ctx.db, userId);
	const open = rows.find((r) => r.completed_at === null);
	let latest: (typeof rows)[number] | undefined;
	for (const row of rows)
		if (row.completed_at && row.result && !(latest && latest.completed_at! > row.completed_at))
			latest = row;
	const score = latest ? (JSON.parse(latest.result!) as AssessmentScore) : null;
	return {
		open: open ? { id: open.id, nextPage: open.next_page } : null,
		latest: latest && score ? { id: latest.id, position: score.position, band: score.band } : null
	};
}
